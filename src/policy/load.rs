//! Finding the policies and data of a run: the bundled files, the user's, their data files,
//! the parameters' defaults, and Rego compile errors placed in their files.

use super::*;

/// The default parameters shipped with the bundle: every YAML file under `policies/params/`,
/// merged in path order.
pub fn default_params() -> Value {
    let mut params = json!({});
    let Some(dir) = BUNDLE.get_dir("params") else { return params };
    let mut files: Vec<_> = dir.files().filter(|f| f.path().extension().is_some_and(|e| e == "yaml")).collect();
    files.sort_by_key(|f| f.path());
    for f in files {
        let src = SourceFile::new(format!("policies/{}", f.path().display()), f.contents_utf8().unwrap_or_default().to_string());
        if let Some(doc) = parse::yaml::parse(&src, 0, &src.text, &Limits::default()).documents.into_iter().next() {
            merge(&mut params, doc.value);
        }
    }
    params
}

/// Deep-merges `over` into `base` (objects merge; anything else replaces).
pub fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (_, Value::Null) => {}
        (slot, v) => *slot = v,
    }
}

/// The `package` of a Rego text.
pub fn package_of(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let l = l.trim();
        l.strip_prefix("package ").map(|p| p.split('#').next().unwrap_or("").trim().to_string())
    })
}

/// Every bundled `.rego` file, tests included, in path order.
pub fn bundled_files() -> Vec<RegoFile> {
    let mut out = Vec::new();
    collect_bundle(&BUNDLE, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

pub(super) fn collect_bundle(dir: &Dir<'static>, out: &mut Vec<RegoFile>) {
    for f in dir.files() {
        if f.path().extension().is_some_and(|e| e == "rego") {
            let text = f.contents_utf8().unwrap_or_default().to_string();
            let path = format!("policies/{}", f.path().to_string_lossy().replace('\\', "/"));
            let package = package_of(&text).unwrap_or_default();
            out.push(RegoFile { source: SourceFile::new(path.clone(), text), path, builtin: true, package });
        }
    }
    for d in dir.dirs() {
        collect_bundle(d, out);
    }
}

/// The `.rego` files under user paths, in path order. A missing path is a tool error; so is a
/// file named directly that is not a `.rego` file or not text: its content is never compiled,
/// so never quoted in an error (`-p /proc/self/environ` would put the environment in a CI log).
pub fn user_files(paths: &[PathBuf]) -> Result<Vec<RegoFile>, ToolError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| {
            ToolError::msg(format!("policy path {} cannot be read: {}", p.display(), crate::fileio::io_reason(&e)))
        })?;
        let files: Vec<PathBuf> = if meta.is_dir() {
            walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rego"))
                .map(|e| e.path().to_path_buf())
                .collect()
        } else if p.extension().is_some_and(|x| x == "rego") && meta.is_file() {
            vec![p.clone()]
        } else {
            return Err(ToolError::msg(format!("policy path {} is not a .rego file or a directory", p.display())));
        };
        for f in files {
            let text = read_text(&f).map_err(|why| ToolError::msg(format!("policy {} {why}", f.display())))?;
            let path = crate::paths::display_path(&f);
            let package = package_of(&text).unwrap_or_default();
            out.push(RegoFile { source: SourceFile::new(path.clone(), text), path, builtin: false, package });
        }
    }
    Ok(out)
}

/// The text of a file read as a policy or data, or why it is not text (no content is quoted).
pub(super) fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {}", crate::fileio::io_reason(&e)))?;
    if bytes.contains(&0) {
        return Err("is not a text file (it holds a NUL byte)".to_string());
    }
    String::from_utf8(bytes).map_err(|e| format!("is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// Loads `-d/--data` files (YAML or JSON, or directories of them) into one object. A file that
/// is not YAML or JSON by its name is refused unread; one that does not parse is reported by
/// its position alone: data files are not policies, and their text (which may hold anything)
/// is never printed.
pub fn load_data(paths: &[PathBuf]) -> Result<Value, ToolError> {
    let mut data = json!({});
    for p in paths {
        let files: Vec<PathBuf> = if p.is_dir() {
            walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.path().to_path_buf())
                .filter(|f| matches!(Syntax::from_path(f), Some(Syntax::Yaml | Syntax::Json)))
                .collect()
        } else if !p.exists() {
            return Err(ToolError::msg(format!("data path {} does not exist", p.display())));
        } else if matches!(Syntax::from_path(p), Some(Syntax::Yaml | Syntax::Json)) {
            vec![p.clone()]
        } else {
            return Err(ToolError::msg(format!("data path {} is not a YAML or JSON file (.yaml, .yml, .json) or a directory", p.display())));
        };
        for f in files {
            let text = read_text(&f).map_err(|why| ToolError::msg(format!("data file {} {why}", f.display())))?;
            let syntax = Syntax::from_path(&f).unwrap_or(Syntax::Yaml);
            let src = SourceFile::new(crate::paths::display_path(&f), text);
            let parsed = parse::parse(Arc::clone(&src), syntax, &Limits::default());
            if let Some(d) = parsed.diagnostics.first() {
                return Err(ToolError::msg(format!("data file {}:{}:{} does not parse: {}", src.name, d.start.line, d.start.column, d.message)));
            }
            for d in parsed.documents {
                if d.value.is_object() {
                    merge(&mut data, d.value);
                }
            }
        }
    }
    Ok(data)
}

/// Turns a regorus error (`--> file:line:col … error: message`) into a located tool error.
pub fn rego_error(err: &str, files: &[RegoFile]) -> ToolError {
    let located = err.lines().find_map(|l| l.trim().strip_prefix("--> ")).and_then(|loc| {
        let mut parts = loc.rsplitn(3, ':');
        let col: usize = parts.next()?.trim().parse().ok()?;
        let line: usize = parts.next()?.trim().parse().ok()?;
        Some((parts.next()?.to_string(), line, col))
    });
    let message = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or_else(|| err.trim())
        .to_string();
    if let Some((file, line, col)) = located {
        if let Some(f) = files.iter().find(|f| f.path == file) {
            let at = rego_offset(&f.source, line, col);
            let mut d = Diagnostic::at(&f.source, Span::new(at, at + 1), "policy-compile", Severity::Error, message.clone())
                .with_label(Msg::Here.text(&[]));
            if let Some(help) = opa_compat::hint(&message, &f.source, at) {
                d = d.with_help(help);
            }
            return ToolError::with_diagnostics(format!("policy {file} does not compile: {message}"), Arc::clone(&f.source), vec![d]);
        }
        return ToolError::msg(format!("policy {file}:{line}:{col}: {message}"));
    }
    ToolError::msg(format!("policy error: {message}"))
}

/// The byte offset of a regorus `line:col`. regorus counts a tab as four columns and a quoted
/// string by its bytes, and `opa fmt` indents with tabs, so the column is not a character count.
pub(super) fn rego_offset(source: &SourceFile, line: usize, col: usize) -> usize {
    let span = source.line_span(line.max(1));
    let mut visual = 1;
    for (i, ch) in source.text[span.start..span.end].char_indices() {
        if visual >= col {
            return span.start + i;
        }
        visual += if ch == '\t' { 4 } else { ch.len_utf8() };
    }
    span.end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// regorus evaluates every rule of an imported package when one of them is read through the
    /// import's alias (docs/policies.md, "Timing a policy"), so the bundled rules read helper
    /// rules by their full paths and call only functions through an alias: a rule run alone
    /// then costs what it uses.
    #[test]
    fn bundled_rules_read_helper_rules_by_full_path() {
        let import = regex::Regex::new(r"(?m)^import data\.govlint\.lib\.(\w+)\s*$").expect("pattern");
        let strings = regex::Regex::new(r#""(?:[^"\\]|\\.)*"|`[^`]*`"#).expect("pattern");
        let mut offenders = Vec::new();
        for f in bundled_files().into_iter().filter(|f| !f.is_test()) {
            let aliases: Vec<String> = import.captures_iter(&f.source.text).map(|c| c[1].to_string()).collect();
            if aliases.is_empty() {
                continue;
            }
            let read = regex::Regex::new(&format!(r"(?:^|[^\w.])({})\.([a-z_]\w*)\b(\()?", aliases.join("|"))).expect("pattern");
            for (n, line) in f.source.text.lines().enumerate() {
                if line.starts_with("import ") {
                    continue;
                }
                let code = strings.replace_all(line, "\"\"");
                let code = code.split_once('#').map_or(&*code, |(c, _)| c);
                for c in read.captures_iter(code).filter(|c| c.get(3).is_none()) {
                    offenders.push(format!("{}:{}: {}.{}", f.path, n + 1, &c[1], &c[2]));
                }
            }
        }
        assert!(offenders.is_empty(), "helper rules read through an import alias (write data.govlint.lib.<package>.<rule>):\n{}", offenders.join("\n"));
    }
}
