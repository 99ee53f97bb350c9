//! What govlint prints cannot be turned against the log or the page it lands in: a file name
//! or a value from the repository never starts a line of a CI log (a GitHub workflow command),
//! never passes an escape sequence raw, never becomes HTML or breaks a table in Markdown, and a
//! finding's excerpt stays narrow however long its line.

use crate::common;

use common::{govlint, tempdir, write};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A Deployment whose container name holds an escape sequence (YAML's `\e` is ESC).
const DEPLOYMENT: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: \"app\\e[2J\\e]0;pwned\\a\"\n          image: nginx:latest\n";

/// A file name that would put a workflow command at the start of a log line.
const HOSTILE_NAME: &str = "deploy/evil\n::error title=pwned::owned.yaml";

/// The lines of `text` that GitHub's runner would take for a workflow command: it trims
/// leading whitespace and looks for `::`.
fn commands(text: &str) -> Vec<&str> {
    text.split(['\n', '\r']).filter(|l| l.trim_start().starts_with("::")).collect()
}

#[cfg(unix)]
#[test]
fn a_file_name_or_value_cannot_write_to_the_ci_log() {
    let (_t, root) = tempdir();
    write(&root, HOSTILE_NAME, DEPLOYMENT);
    for format in ["human", "junit", "markdown", "github"] {
        let run = govlint(&root, &["check", "-v", "--color", "never", "--format", format]);
        assert_eq!(run.code, 1, "{format}: {}\n{}", run.stdout, run.stderr);
        for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
            assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{format} {stream} holds a raw control character:\n{text}");
            let found = commands(text);
            if format == "github" && stream == "stdout" {
                // Only the annotations themselves, one per finding, each on one line.
                assert!(found.iter().all(|l| l.starts_with("::error file=deploy/evil%0A%3A%3Aerror title=pwned%3A%3Aowned.yaml,")
                    || l.starts_with("::warning file=deploy/evil%0A%3A%3Aerror title=pwned%3A%3Aowned.yaml,")), "{text}");
            } else {
                assert!(found.is_empty(), "{format} {stream} has workflow commands: {found:?}\n{text}");
            }
        }
        if format == "human" {
            // The name and the value are shown as they are, escaped.
            assert!(run.stdout.contains("deploy/evil\\n::error title=pwned::owned.yaml:"), "{}", run.stdout);
            assert!(run.stdout.contains("app\\u{1b}[2J\\u{1b}]0;pwned\\u{7}"), "{}", run.stdout);
            assert!(run.stderr.contains("checked deploy/evil\\n::error title=pwned::owned.yaml (document 1)"), "{}", run.stderr);
        }
    }
}

/// A user policy that reports a model card's `note` in its message.
const POLICY: &str = "package main\n\nimport rego.v1\n\ndeny contains {\"msg\": sprintf(\"odd note: %s\", [input.note]), \"path\": [\"note\"]} if {\n\tinput.note\n}\n";

/// A note that tries every way out of a table cell: a backslash before a backtick, runs of two
/// backticks, raw HTML, a pipe and a line break.
const NOTE: &str = r#""\\` <img src=x onerror=alert(1)> \\` ``a` <img src=y>`` ` <b>z</b> | cell\nnext""#;

/// The raw HTML of a Markdown text (what GitHub would render as HTML), except the tags the
/// renderers write themselves; and, for each table, the number of cells of each row.
fn markdown(text: &str) -> (Vec<String>, Vec<Vec<usize>>) {
    let own = ["<br>", "<details>", "</details>", "<summary>", "</summary>"];
    let mut html = Vec::new();
    let mut tables = Vec::new();
    let mut cells = 0;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => {
                let mut rest = h.to_string();
                for tag in own {
                    rest = rest.replace(tag, "");
                }
                if rest.contains('<') {
                    html.push(h.to_string());
                }
            }
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => tables.last_mut().expect("in a table").push(cells),
            _ => {}
        }
    }
    (html, tables)
}

#[track_caller]
fn assert_inert_markdown(text: &str) {
    let (html, tables) = markdown(text);
    assert!(html.is_empty(), "raw HTML in the Markdown: {html:?}\n{text}");
    assert!(!text.contains('\u{1b}'), "{text}");
    for rows in &tables {
        assert!(rows.iter().all(|n| *n == rows[0]), "a table row has another number of cells: {rows:?}\n{text}");
    }
}

#[cfg(unix)]
#[test]
fn markdown_output_shows_values_and_file_names_as_text() {
    let (_t, root) = tempdir();
    write(&root, "policy/main.rego", POLICY);
    let card = "models/a|b\n| x |\n<img src=z>/model-card.yaml";
    write(&root, card, &format!("license: mit\nnote: {NOTE}\n"));
    let run = govlint(&root, &["check", "--no-builtin", "-p", "policy", "--format", "markdown"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("odd note"), "{}", run.stdout);
    assert_inert_markdown(&run.stdout);
    // The audit report: the same card with the bundled rules, whose tables list the files.
    std::fs::rename(root.join(card), root.join("models/a|b\n| x |\n<img src=z>/README.md")).unwrap();
    write(&root, "models/a|b\n| x |\n<img src=z>/README.md", &format!("---\nlicense: mit\npipeline_tag: text-generation\nnote: {NOTE}\n---\n# Model\n"));
    let run = govlint(&root, &["report", "-p", "policy", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("odd note"), "{}", run.stdout);
    assert_inert_markdown(&run.stdout);
}

#[test]
fn an_excerpt_has_a_bounded_width() {
    let (_t, root) = tempdir();
    // One line of 300,000 characters, with a duplicate key at its end.
    let text = format!("{{\"license\": \"mit\", \"description\": \"{}\", \"license\": \"apache-2.0\"}}\n", "x".repeat(300_000));
    write(&root, "model-card.yaml", &text);
    let run = govlint(&root, &["check", "--no-builtin", "--color", "never", "model-card.yaml"]);
    assert_eq!(run.code, 1, "{}", run.stderr.chars().take(2000).collect::<String>());
    let column = text.rfind("\"license\"").unwrap() + 1;
    assert!(run.stdout.contains(&format!("model-card.yaml:1:{column}]")), "{}", run.stdout.chars().take(4000).collect::<String>());
    let widest = run.stdout.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest < 400, "a line of {widest} characters");
    assert!(run.stdout.len() < 16 * 1024, "{} bytes of output", run.stdout.len());
}
