//! The layers of `src/`: every module belongs to one layer, and a module imports only from its
//! own layer or the layers below it. This test reads the sources (not the compiled crate) and
//! fails on any path that climbs: a `use` line, an inline `crate::…` path, or a `super::` that
//! leaves its layer; and on any circle of imports between modules, within a layer too.
//! docs/architecture.md describes each layer; the table below is the rule.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The layers of the library, bottom to top. The binary (`main.rs` and `cli/`) is above them
/// all: it may import anything, and nothing imports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Layer {
    Base,
    Syntax,
    Checks,
    Settings,
    Io,
    Pipeline,
    Reports,
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Layer::Base => "base",
            Layer::Syntax => "syntax",
            Layer::Checks => "checks",
            Layer::Settings => "settings",
            Layer::Io => "I/O",
            Layer::Pipeline => "pipeline",
            Layer::Reports => "reports",
        })
    }
}

/// Every top-level module of the library, with its layer. The crate root (`lib.rs`) only
/// declares modules and re-exports.
const MODULES: &[(&str, Layer)] = &[
    ("error", Layer::Base),
    ("paths", Layer::Base),
    ("fileio", Layer::Base),
    ("source", Layer::Base),
    ("lang", Layer::Base),
    ("messages", Layer::Base),
    ("diagnostic", Layer::Base),
    ("progress", Layer::Base),
    ("teardown", Layer::Base),
    ("timings", Layer::Base),
    ("parse", Layer::Syntax),
    ("classify", Layer::Syntax),
    ("evidence", Layer::Syntax),
    ("artifact", Layer::Syntax),
    ("schema", Layer::Checks),
    ("select", Layer::Checks),
    ("policy", Layer::Checks),
    ("i18n", Layer::Checks),
    ("rules", Layer::Checks),
    ("config", Layer::Settings),
    ("waivers", Layer::Settings),
    ("gitignore", Layer::Io),
    ("git", Layer::Io),
    ("discover", Layer::Io),
    ("cache", Layer::Io),
    ("pipeline", Layer::Pipeline),
    ("report", Layer::Reports),
    ("coverage", Layer::Reports),
    ("audit", Layer::Reports),
    ("init", Layer::Reports),
    ("scaffold", Layer::Reports),
];

fn layer_of(module: &str) -> Option<Layer> {
    MODULES.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// One source file of the library: its path, its module path (`["policy", "metadata"]`), and
/// whether it is a `mod.rs`-style file (whose `super` is its parent's parent).
struct File {
    path: PathBuf,
    module: Vec<String>,
}

fn library_files(src: &Path) -> Vec<File> {
    let mut out = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir).expect("src/ is readable").map(|e| e.expect("a directory entry").path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = p.strip_prefix(src).expect("below src/");
            let mut module: Vec<String> = rel.with_extension("").components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            // The binary crate: the command line, on top of everything.
            if module == ["main"] || module.first().is_some_and(|m| m == "cli") || module == ["lib"] {
                continue;
            }
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            out.push(File { path: p, module });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// `text` with comments, string and character literals blanked out (newlines kept, so line
/// numbers stay), leaving only code to search for paths.
fn code_only(text: &str) -> String {
    let b: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == '/' && b.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if b[i] == '*' && b.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(b[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !b.get(i.wrapping_sub(1)).is_some_and(|p| p.is_alphanumeric() || *p == '_') {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push_str(&" ".repeat(j + 1 - i));
            i = j + 1;
            while i < b.len() {
                if b[i] == '"' && (0..hashes).all(|k| b.get(i + 1 + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(1 + hashes));
                    i += 1 + hashes;
                    break;
                }
                out.push(blank(b[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < b.len() {
                if b[i] == '\\' {
                    out.push(' ');
                    out.push(blank(*b.get(i + 1).unwrap_or(&' ')));
                    i += 2;
                    continue;
                }
                if b[i] == '"' {
                    out.push(' ');
                    i += 1;
                    break;
                }
                out.push(blank(b[i]));
                i += 1;
            }
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}'); otherwise a lifetime.
            let end = if next == Some('\\') {
                (i + 2..b.len().min(i + 12)).find(|&k| b[k] == '\'')
            } else if b.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    out.push_str(&" ".repeat(e + 1 - i));
                    i = e + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// A path into the crate found in the code: where, how it was written, and the module it
/// reaches (`None`: an item of the crate root, not a module).
struct Reference {
    line: usize,
    written: String,
    target: Option<String>,
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths of `code` that start with `crate::` or `super::`, resolved to the top-level module
/// they reach. `module` is the file's module path; inline `mod name {` blocks are followed, so
/// a `super::` inside `mod tests` means the file's own module.
fn references(code: &str, module: &[String]) -> Vec<Reference> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut depth = 0usize;
    // Inline modules open: (name, brace depth inside it).
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut i = 0;
    let word_at = |i: usize| -> String { chars[i..].iter().take_while(|c| is_ident(**c)).collect() };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c == '{' {
            depth += 1;
            i += 1;
            continue;
        }
        if c == '}' {
            if inline.last().is_some_and(|(_, d)| *d == depth) {
                inline.pop();
            }
            depth = depth.saturating_sub(1);
            i += 1;
            continue;
        }
        if !is_ident(c) || (i > 0 && (is_ident(chars[i - 1]) || chars[i - 1] == '$')) {
            i += 1;
            continue;
        }
        let word = word_at(i);
        let after = i + word.chars().count();
        if word == "mod" {
            // `mod name {`: an inline module.
            let mut j = after;
            while chars.get(j).is_some_and(|c| c.is_whitespace()) {
                j += 1;
            }
            let name = word_at(j);
            let mut k = j + name.chars().count();
            while chars.get(k).is_some_and(|c| c.is_whitespace()) {
                k += 1;
            }
            if !name.is_empty() && chars.get(k) == Some(&'{') {
                inline.push((name, depth + 1));
            }
            i = after;
            continue;
        }
        if (word == "crate" || word == "super") && chars.get(after) == Some(&':') && chars.get(after + 1) == Some(&':') {
            // The module the path starts from, then each `super::` climbs one.
            let mut base: Vec<String> = module.to_vec();
            base.extend(inline.iter().map(|(n, _)| n.clone()));
            let mut j = i;
            let mut written = String::new();
            if word == "crate" {
                base.clear();
                written.push_str("crate::");
                j = after + 2;
            } else {
                while word_at(j) == "super" && chars.get(j + 5) == Some(&':') && chars.get(j + 6) == Some(&':') {
                    base.pop();
                    written.push_str("super::");
                    j += 7;
                }
            }
            // The segments that follow, or each first segment of a `{…}` group.
            let mut firsts: Vec<String> = Vec::new();
            if chars.get(j) == Some(&'{') {
                let mut d = 0;
                let mut k = j;
                let mut expect = true;
                while k < chars.len() {
                    match chars[k] {
                        '{' => {
                            d += 1;
                            if d == 1 {
                                expect = true;
                            }
                        }
                        '}' => {
                            d -= 1;
                            if d == 0 {
                                break;
                            }
                        }
                        ',' if d == 1 => expect = true,
                        ch if is_ident(ch) && d == 1 && expect => {
                            let w = word_at(k);
                            k += w.chars().count();
                            firsts.push(w);
                            expect = false;
                            continue;
                        }
                        _ => {}
                    }
                    k += 1;
                }
            } else {
                firsts.push(word_at(j));
            }
            for first in firsts {
                let mut path = base.clone();
                if first != "self" && !first.is_empty() {
                    path.push(first.clone());
                }
                // `crate::x` (or a `super::` that climbs to the root) names a module, or an item
                // of the crate root.
                let target = match path.as_slice() {
                    [] => None,
                    [top] if base.is_empty() && layer_of(top).is_none() => None,
                    [top, ..] => Some(top.clone()),
                };
                out.push(Reference { line, written: format!("{written}{first}"), target });
            }
            i = j;
            continue;
        }
        i = after;
    }
    out
}

#[test]
fn every_import_points_down_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = library_files(&src);
    assert!(files.len() > 20, "src/ should hold the library's modules");
    let mut problems = Vec::new();
    for f in &files {
        let shown = format!("src/{}", f.path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/"));
        let Some(own) = layer_of(&f.module[0]) else {
            problems.push(format!("{shown}: the module `{}` has no layer in tests/it/architecture.rs (add it to MODULES and docs/architecture.md)", f.module[0]));
            continue;
        };
        let text = std::fs::read_to_string(&f.path).expect("a source file is readable");
        for r in references(&code_only(&text), &f.module) {
            match &r.target {
                None => problems.push(format!(
                    "{shown}:{}: `{}` reaches into the crate root; name the module that defines it (the root only re-exports, for the binary and the tests)",
                    r.line, r.written
                )),
                Some(target) => match layer_of(target) {
                    None => problems.push(format!("{shown}:{}: `{}` names a module with no layer in tests/it/architecture.rs", r.line, r.written)),
                    Some(layer) if layer > own => problems.push(format!(
                        "{shown}:{}: `{}` imports the {layer} layer (`{target}`) from the {own} layer (`{}`): a module imports only from its own layer or below",
                        r.line,
                        r.written,
                        f.module[0]
                    )),
                    Some(_) => {}
                },
            }
        }
    }
    assert!(problems.is_empty(), "{} imports break the layering:\n{}", problems.len(), problems.join("\n"));
}

/// The first circle of imports between top-level modules, as the path that closes it, in
/// `edges` (module → the modules it imports, with the first place each import is written).
fn circle(edges: &BTreeMap<String, BTreeMap<String, String>>) -> Option<Vec<String>> {
    fn visit(m: &str, edges: &BTreeMap<String, BTreeMap<String, String>>, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut c = path[i..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for next in edges.get(m).into_iter().flat_map(|e| e.keys()) {
            if let Some(c) = visit(next, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges.keys().find_map(|m| visit(m, edges, &mut Vec::new(), &mut done))
}

#[test]
fn the_modules_import_each_other_in_no_circle() {
    // Within a layer, imports may go either way, but never round: a circle would make its
    // modules one piece that can only be understood, and changed, together.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for f in library_files(&src) {
        let text = std::fs::read_to_string(&f.path).expect("a source file is readable");
        let shown = format!("src/{}", f.path.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/"));
        for r in references(&code_only(&text), &f.module) {
            match r.target {
                Some(t) if t != f.module[0] => {
                    edges.entry(f.module[0].clone()).or_default().entry(t).or_insert_with(|| format!("{shown}:{}", r.line));
                }
                _ => {}
            }
        }
    }
    if let Some(c) = circle(&edges) {
        let steps: Vec<String> = c.windows(2).map(|w| format!("{} → {} ({})", w[0], w[1], edges[&w[0]][&w[1]])).collect();
        panic!("the modules import each other in a circle:\n{}", steps.join("\n"));
    }
}

#[test]
fn a_circle_is_found_and_named() {
    let edge = |pairs: &[(&str, &str)]| -> BTreeMap<String, BTreeMap<String, String>> {
        let mut e: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        for (a, b) in pairs {
            e.entry(a.to_string()).or_default().insert(b.to_string(), String::new());
        }
        e
    };
    assert_eq!(circle(&edge(&[("a", "b"), ("b", "c"), ("a", "c")])), None);
    assert_eq!(circle(&edge(&[("a", "b"), ("b", "c"), ("c", "a")])), Some(vec!["a".into(), "b".into(), "c".into(), "a".into()]));
}

#[test]
fn the_layer_table_names_every_module_and_only_modules() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs is readable");
    let declared: Vec<String> = code_only(&lib)
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .map(|m| m.trim_end_matches(';').trim().to_string())
        .collect();
    let mut missing: Vec<&String> = declared.iter().filter(|m| layer_of(m).is_none()).collect();
    missing.sort();
    assert!(missing.is_empty(), "modules declared in src/lib.rs with no layer in tests/it/architecture.rs: {missing:?}");
    let stale: Vec<&str> = MODULES.iter().map(|(m, _)| *m).filter(|m| !declared.iter().any(|d| d == m)).collect();
    assert!(stale.is_empty(), "modules in the layer table that src/lib.rs does not declare: {stale:?}");
}

#[test]
fn the_reader_finds_paths_in_code_and_not_in_comments_or_strings() {
    let text = "use crate::{source::Span, diagnostic};\n// crate::report\nlet s = \"crate::cache\"; let c = '\"'; x(crate::policy::f(crate::Outcome));\nmod tests {\n    use super::*;\n}\n";
    let module = vec!["parse".to_string(), "yaml".to_string()];
    let found: Vec<(usize, String, Option<String>)> = references(&code_only(text), &module).into_iter().map(|r| (r.line, r.written, r.target)).collect();
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        found,
        vec![
            (1, "crate::source".to_string(), some("source")),
            (1, "crate::diagnostic".to_string(), some("diagnostic")),
            (3, "crate::policy".to_string(), some("policy")),
            (3, "crate::Outcome".to_string(), None),
            (5, "super::".to_string(), some("parse")),
        ]
    );
}
