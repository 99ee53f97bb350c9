//! Which packages give results that depend on when or by chance they run, not only on their
//! input and data: those that call a builtin whose result is not a function of its arguments
//! (`time.now_ns`, `rand.intn`, and `uuid.rfc4122` and `opa.runtime` should they ever be built
//! in), directly or through any package they refer to (a function or rule of another package,
//! an import). The result cache must not replay their findings: a policy that compares a
//! date with today's would otherwise keep yesterday's verdict.
//!
//! regorus lists these builtins as the ones it must evaluate once per query
//! (`builtins::must_cache` in regorus 0.14). The check reads the Rego text, comments and
//! strings blanked out, as [`super::recursion`] does; it errs towards calling a package
//! volatile: a reference to `data` as a whole, or to a namespace above a volatile package,
//! makes the referring package volatile too.

use std::collections::BTreeSet;

use super::recursion::blank_comments_and_strings;
use super::RegoFile;

/// The builtins whose result is not a function of their arguments.
pub const NONDETERMINISTIC: [&str; 4] = ["time.now_ns", "rand.intn", "uuid.rfc4122", "opa.runtime"];

/// The names of the packages among `files` whose results may depend on the time or on chance.
/// The bundled files call none of the builtins (a test holds them to that), so nothing is read
/// unless a user file does.
pub fn packages(files: &[RegoFile]) -> BTreeSet<String> {
    let mut volatile: BTreeSet<String> = BTreeSet::new();
    let mut clean: Vec<Option<String>> = vec![None; files.len()];
    for (i, f) in files.iter().enumerate().filter(|(_, f)| !f.builtin) {
        let text = blank_comments_and_strings(&f.source.text);
        if NONDETERMINISTIC.iter().any(|name| mentions(&text, name)) {
            volatile.insert(f.package.clone());
        }
        clean[i] = Some(text);
    }
    if volatile.is_empty() {
        return volatile;
    }
    // What each file refers to under `data`, then the packages that reach a volatile one.
    for (i, f) in files.iter().enumerate() {
        if clean[i].is_none() {
            clean[i] = Some(blank_comments_and_strings(&f.source.text));
        }
    }
    let referred: Vec<Vec<Vec<String>>> = clean.iter().map(|t| data_refs(t.as_deref().unwrap_or(""))).collect();
    loop {
        let before = volatile.len();
        for (f, refs) in files.iter().zip(&referred) {
            if volatile.contains(&f.package) {
                continue;
            }
            let reaches = refs.iter().any(|r| volatile.iter().any(|v| related(r, v)));
            if reaches {
                volatile.insert(f.package.clone());
            }
        }
        if volatile.len() == before {
            return volatile;
        }
    }
}

/// Whether `text` names `path` (`time.now_ns`) as a reference of its own, not as the tail of a
/// longer one or a part of a longer name.
fn mentions(text: &str, path: &str) -> bool {
    let bytes = text.as_bytes();
    text.match_indices(path).any(|(i, _)| {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        let after = bytes.get(i + path.len()).copied();
        before.is_none_or(|b| !(is_ident(b) || b == b'.')) && after.is_none_or(|b| !is_ident(b))
    })
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Every reference under `data` in `text`, as its dotted path (`data.a.b[x]` is `[a, b]`;
/// `data` alone, or `data[x]`, is the empty path: everything).
pub(super) fn data_refs(text: &str) -> Vec<Vec<String>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices("data") {
        let before = i.checked_sub(1).map(|j| bytes[j]);
        if before.is_some_and(|b| is_ident(b) || b == b'.') || bytes.get(i + 4).is_some_and(|b| is_ident(*b)) {
            continue;
        }
        let mut path = Vec::new();
        let mut at = i + 4;
        while bytes.get(at) == Some(&b'.') {
            let start = at + 1;
            let end = start + bytes[start..].iter().take_while(|b| is_ident(**b)).count();
            if end == start {
                break;
            }
            path.push(text[start..end].to_string());
            at = end;
        }
        out.push(path);
    }
    out
}

/// Whether the reference `path` reaches package `package`: one lies within the other.
pub(super) fn related(path: &[String], package: &str) -> bool {
    let parts: Vec<&str> = package.split('.').collect();
    path.iter().zip(&parts).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;

    fn file(text: &str, builtin: bool) -> RegoFile {
        RegoFile {
            path: "p.rego".to_string(),
            source: SourceFile::new("p.rego", text.to_string()),
            builtin,
            package: super::super::package_of(text).unwrap_or_default(),
        }
    }

    #[test]
    fn callers_of_time_and_chance_are_volatile_through_functions_and_imports() {
        let files = [
            file("package lib.clock\n\nnow := time.now_ns()\n", false),
            file("package main\n\nimport data.lib.clock\n\ndeny contains \"late\" if clock.now > 0\n", false),
            file("package other\n\ndeny contains x if x := sprintf(\"%d\", [data.lib.clock.now])\n", false),
            file("package lib\n\nx := 1\n", false),
            file("package plain\n\n# time.now_ns() in a comment\ndeny contains \"time.now_ns()\" if true\n", false),
            file("package dice\n\nroll := rand.intn(\"a\", 6)\n", false),
            file("package all\n\ndeny contains x if { x := count(data) }\n", false),
            file("package bundled\n\nimport data.lib.x\n", true),
        ];
        let found = packages(&files);
        assert_eq!(found, ["all", "dice", "lib.clock", "main", "other"].map(String::from).into());
    }

    #[test]
    fn nothing_volatile_means_nothing_read() {
        assert!(packages(&[file("package main\n\ndeny contains \"x\" if data.lib.y\n", false)]).is_empty());
        assert!(!mentions("x := my_time.now_ns()", "time.now_ns"));
        assert!(!mentions("x := time.now_nsx()", "time.now_ns"));
        assert!(mentions("x := time.now_ns ()", "time.now_ns"));
    }

    #[test]
    fn the_bundled_policies_call_no_volatile_builtin() {
        for f in super::super::bundled_files() {
            let text = blank_comments_and_strings(&f.source.text);
            for name in NONDETERMINISTIC {
                assert!(!mentions(&text, name), "{} calls {name}: the cache would replay its findings", f.path);
            }
        }
    }
}
