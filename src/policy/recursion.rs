//! Refuses recursive Rego functions before any evaluation.
//!
//! OPA rejects recursion at compile time; regorus detects it between rules but not between
//! functions, and a function that calls itself forever overflows the stack and aborts the whole
//! run. A policy from an untrusted repository must not be able to do that, so every policy is
//! held to OPA's rule (a conftest policy never recurses, nor does the bundle). This module finds
//! cycles in the calls between the functions of each package, reading the Rego text the way
//! `opa fmt` lays it out: a definition starts at column 0 and runs to the next one. The check
//! looks at calls by bare name and by `data.<package>.<name>`; recursion through another package
//! is not seen.

use std::collections::{BTreeMap, BTreeSet};

use super::RegoFile;

/// A recursive function: the file, its 1-based line, its name, and the cycle of calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    pub file: String,
    pub line: usize,
    pub offset: usize,
    pub name: String,
    pub path: Vec<String>,
}

/// A function definition: name, where its head is, and the text of its body.
struct Def {
    name: String,
    file: usize,
    offset: usize,
    body: String,
}

/// The first recursive function among `files`, if any. A cycle lies within one package, and a
/// package whose files are all bundled has none (a test holds the bundle to that): only the
/// packages with a user file are read.
pub fn find(files: &[RegoFile]) -> Option<Cycle> {
    let with_user_files: BTreeSet<&str> = files.iter().filter(|f| !f.builtin).map(|f| f.package.as_str()).collect();
    let mut by_package: BTreeMap<&str, Vec<Def>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate().filter(|(_, f)| with_user_files.contains(f.package.as_str())) {
        by_package.entry(f.package.as_str()).or_default().extend(definitions(&f.source.text, i));
    }
    for (package, defs) in &by_package {
        let names: BTreeSet<&str> = defs.iter().map(|d| d.name.as_str()).collect();
        let mut calls: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for d in defs {
            let out = calls.entry(d.name.as_str()).or_default();
            for &g in &names {
                if calls_function(&d.body, g, package) {
                    out.insert(g);
                }
            }
        }
        for d in defs {
            if let Some(path) = cycle_from(&d.name, &calls) {
                let f = &files[d.file];
                return Some(Cycle {
                    file: f.path.clone(),
                    line: f.source.position(d.offset).line,
                    offset: d.offset,
                    name: d.name.clone(),
                    path,
                });
            }
        }
    }
    None
}

/// A path of calls from `start` back to itself.
fn cycle_from(start: &str, calls: &BTreeMap<&str, BTreeSet<&str>>) -> Option<Vec<String>> {
    // Iterative depth-first search: the policy text decides the depth, so no recursion here.
    let mut stack: Vec<(String, Vec<String>)> = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for &next in calls.get(node.as_str()).into_iter().flatten() {
            if next == start {
                let mut p = path.clone();
                p.push(next.to_string());
                return Some(p);
            }
            if seen.insert(next.to_string()) {
                let mut p = path.clone();
                p.push(next.to_string());
                stack.push((next.to_string(), p));
            }
        }
    }
    None
}

/// Whether `body` calls `name(` by its bare name or as `data.<package>.<name>(`.
fn calls_function(body: &str, name: &str, package: &str) -> bool {
    let qualified = format!("data.{package}.{name}");
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(i) = body[from..].find(name).map(|i| i + from) {
        let end = i + name.len();
        from = end;
        let followed = body[end..].trim_start().starts_with('(');
        let before = if i == 0 { None } else { bytes.get(i - 1).copied() };
        let bare = before.is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'.'));
        let after_ident = bytes.get(end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
        if followed && !after_ident && (bare || body[..end].ends_with(&qualified)) {
            return true;
        }
    }
    false
}

/// The function definitions of one Rego text, comments and strings blanked out.
fn definitions(text: &str, file: usize) -> Vec<Def> {
    let clean = blank_comments_and_strings(text);
    let mut heads: Vec<(usize, String)> = Vec::new();
    let mut offset = 0;
    for line in clean.split_inclusive('\n') {
        if let Some(name) = function_head(line) {
            heads.push((offset, name));
        } else if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
            // Another top-level statement (a rule, an import) ends the previous definition.
            heads.push((offset, String::new()));
        }
        offset += line.len();
    }
    let mut defs = Vec::new();
    for (i, (start, name)) in heads.iter().enumerate() {
        if name.is_empty() {
            continue;
        }
        let end = heads.get(i + 1).map_or(clean.len(), |(s, _)| *s);
        // The body is what follows the head's parameter list.
        let text = &clean[*start..end];
        let body = text.find(')').map_or("", |p| &text[p + 1..]);
        defs.push(Def { name: name.clone(), file, offset: *start, body: body.to_string() });
    }
    defs
}

/// The function name when `line` starts a function definition at column 0: `name(…`.
fn function_head(line: &str) -> Option<String> {
    let name: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !line[name.len()..].starts_with('(') {
        return None;
    }
    match name.as_str() {
        "package" | "import" | "default" | "some" | "every" | "not" => None,
        _ => Some(name),
    }
}

/// `text` with comments and string contents replaced by spaces, so that neither can look like
/// a call; byte offsets are kept.
pub(crate) fn blank_comments_and_strings(text: &str) -> String {
    #[derive(PartialEq)]
    enum S {
        Code,
        Str,
        Esc,
        Raw,
        Comment,
    }
    let mut s = S::Code;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let keep = match s {
            S::Code => {
                match c {
                    '"' => s = S::Str,
                    '`' => s = S::Raw,
                    '#' => s = S::Comment,
                    _ => {}
                }
                s == S::Code
            }
            S::Str => {
                match c {
                    '\\' => s = S::Esc,
                    '"' | '\n' => s = S::Code,
                    _ => {}
                }
                c == '\n'
            }
            S::Esc => {
                s = S::Str;
                false
            }
            S::Raw => {
                if c == '`' {
                    s = S::Code;
                }
                c == '\n'
            }
            S::Comment => {
                if c == '\n' {
                    s = S::Code;
                }
                c == '\n'
            }
        };
        if keep {
            out.push(c);
        } else {
            // Same byte length, so offsets still match the original text.
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn file(text: &str) -> RegoFile {
        RegoFile {
            path: "p.rego".to_string(),
            source: SourceFile::new("p.rego", text.to_string()),
            builtin: false,
            package: super::super::package_of(text).unwrap_or_default(),
        }
    }

    #[test]
    fn direct_and_mutual_recursion_are_found() {
        let c = find(&[file("package p\n\nf(n) := f(n - 1)\n")]).unwrap();
        assert_eq!((&*c.name, c.line), ("f", 3));
        let c = find(&[file("package p\n\nf(x) := y if {\n\ty := g(x)\n}\n\ng(x) := data.p.f(x)\n")]).unwrap();
        assert_eq!(c.path, ["f", "g", "f"]);
    }

    #[test]
    fn calls_in_comments_strings_or_other_names_are_not_recursion() {
        let text = "package p\n\n# f(x) calls f(x)\nf(x) := y if {\n\ty := sprintf(\"f(%v)\", [x])\n\tz := ff(x)\n\tz.f(1)\n}\n\nff(x) := x\n\ng := f(1)\n";
        assert_eq!(find(&[file(text)]), None);
    }

    #[test]
    fn bundled_policies_have_no_recursion() {
        // Read as user files: `find` takes a package of bundled files alone as free of cycles.
        let files: Vec<RegoFile> = super::super::bundled_files().into_iter().map(|f| RegoFile { builtin: false, ..f }).collect();
        assert!(files.len() > 100);
        assert_eq!(find(&files), None);
    }

    #[test]
    fn a_user_file_is_read_with_the_bundled_files_of_its_package() {
        let bundled = RegoFile { builtin: true, ..file("package p

f(n) := g(n)
") };
        let user = file("package p

g(n) := f(n)
");
        assert_eq!(find(std::slice::from_ref(&bundled)), None);
        let c = find(&[bundled, user]).unwrap();
        assert_eq!(c.file, "p.rego");
        assert_eq!(c.path.len(), 3);
    }
}
