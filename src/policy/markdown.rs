//! `data.govlint.file.markdown`: a Markdown document's body as the model-card rules read it,
//! built once per document in Rust instead of by every evaluation in Rego.
//!
//! It is what `markdown(sections)` of `policies/lib/model.rego` computes from
//! `data.govlint.file.sections`, field for field: each section's `text` without HTML comments and
//! template placeholders, its `prose` also without code, link targets, bare URLs and tags, whether
//! it says anything (`filled`), and where its tree of sub-sections ends (`end`); the whole body's
//! `prose`; and the headings, one per line. The patterns are the library's, run by the same
//! expressions the regex builtins use (see [`super::regex_ext`]), so both give the same bytes;
//! `tests/it/policy.rs` holds them to it on every Markdown document of the fixtures, the corpus and
//! the shared repositories. Where the
//! context is given by a test or a policy (`with data.govlint.file as …`), the field is absent
//! and the library computes the body itself.

use regorus::Value as V;

use super::regex_ext;
use super::results::{count, object};
use crate::parse::Section;

/// What joins the sections' texts, so that each pattern runs once over the whole body
/// (`sep` in the library).
const SEP: &str = "\n\nQQGOVLINTSECTIONQQ\n\n";
/// `placeholder_hint` and `placeholder_re` in the library.
const PLACEHOLDER_HINT: &str = r"\{\{|TODO|(?i:information needed)";
const PLACEHOLDER: &str = r"(?i:\[\s*more information needed\s*\])|\{\{[\s\S]*?\}\}|(?-u:\b)TODO(?-u:\b)";
/// What `says_something` trims: white space and Markdown punctuation.
const CUTSET: &str = " \t\r\n#*_-=+>|`~:;.,!?()[]{}<>/\\\"'";

/// `regex.replace(t, pattern, by)` when `t` holds one of `needles`, else `t` (`replace_if`).
fn replace_if(t: String, needles: &[&str], pattern: &str, by: &str) -> String {
    if needles.iter().any(|n| t.contains(n)) {
        regex_ext::replace_all(&t, pattern, by).unwrap_or(t)
    } else {
        t
    }
}

fn without_placeholders(s: String) -> String {
    if regex_ext::matches(PLACEHOLDER_HINT, &s).unwrap_or(false) {
        regex_ext::replace_all(&s, PLACEHOLDER, " ").unwrap_or(s)
    } else {
        s
    }
}

fn strip_comments(t: String) -> String {
    replace_if(t, &["<!--"], r"(?s)<!--.*?-->", " ")
}

fn prose_of(t: &str) -> String {
    let t = replace_if(t.to_string(), &["```", "~~~"], "(?s)```.*?```|~~~.*?~~~", " ");
    let t = replace_if(t, &["`"], "`[^`\n]*`", " ");
    let t = replace_if(t, &["]("], r"\]\([^)\s]*\)", "]");
    replace_if(t, &["://", "<"], r"https?://\S+|<[^>\n]*>", " ")
}

fn says_something(t: &str) -> bool {
    !t.trim_matches(|c| CUTSET.contains(c)).is_empty()
}

/// The body of a document with `sections` (none: no field).
pub fn body(sections: &[Section]) -> Option<V> {
    if sections.is_empty() {
        return None;
    }
    let raw = sections.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join(SEP);
    let text = strip_comments(without_placeholders(raw));
    let prose = prose_of(&text);
    let texts: Vec<&str> = text.split(SEP).collect();
    let proses: Vec<&str> = prose.split(SEP).collect();
    let headings = sections.iter().map(|s| s.heading.as_str()).collect::<Vec<_>>().join("\n");
    let whole = texts.len() == sections.len() && proses.len() == sections.len();
    let items: Vec<(String, String)> = if whole {
        texts.iter().zip(&proses).map(|(t, p)| (t.to_string(), p.to_string())).collect()
    } else {
        // A code fence or comment left open swallows the separators: one section at a time.
        sections
            .iter()
            .map(|s| {
                let t = strip_comments(without_placeholders(s.text.clone()));
                let p = prose_of(&t);
                (t, p)
            })
            .collect()
    };
    let prose = if whole { prose } else { items.iter().map(|(_, p)| p.as_str()).collect::<Vec<_>>().join("\n\n") };
    let sections: Vec<V> = sections
        .iter()
        .zip(items)
        .enumerate()
        .map(|(i, (s, (text, prose)))| {
            let end = sections.iter().enumerate().skip(i + 1).find(|(_, u)| u.level <= s.level).map_or(sections.len(), |(k, _)| k);
            object(vec![
                ("heading", V::from(s.heading.as_str())),
                ("level", count(s.level as usize)),
                ("line", count(s.line)),
                ("filled", V::from(says_something(&text))),
                ("text", V::from(text)),
                ("prose", V::from(prose)),
                ("end", count(end)),
            ])
        })
        .collect();
    Some(object(vec![("sections", V::from(sections)), ("prose", V::from(prose)), ("headings", V::from(headings))]))
}
