//! Chinese output: every bundled rule has its Chinese texts (and a Chinese template for every
//! message its Rego source can produce), the language is chosen by `--lang`, `GOVLINT_LANG`,
//! `lang:` and the locale in that order, and the Chinese human output, JSON `localized` fields,
//! `explain`, `rules`, SARIF rule help and the HTML audit report (printed to PDF) are as a
//! Chinese reader needs them.
//!
//! To accept a deliberate change of a snapshot: `INSTA_UPDATE=always cargo test --test it i18n::`,
//! then read the changed files under tests/it/snapshots/.

use crate::common;

use std::path::Path;
use std::process::Command as StdCommand;

use assert_cmd::Command;
use common::{case, example_repo, Run};
use govlint::i18n::{self, Lang};
use govlint::policy::{self, metadata};

/// `govlint <args>` in `dir` with the language variables removed, then `env` set: the outcome
/// does not depend on the locale of the machine running the tests.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::cargo_bin("govlint").expect("the govlint binary is built");
    cmd.current_dir(dir).args(args).env("GOVLINT_TODAY", "2026-06-01");
    for v in ["GOVLINT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "NO_COLOR", "CLICOLOR_FORCE"] {
        cmd.env_remove(v);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("govlint runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw_stdout: out.stdout,
    }
}

// ---------------------------------------------------------------------------------------------
// Completeness

/// The message templates a Rego file can produce: the first argument of each `sprintf(` and
/// each literal `"msg": "…"` value (comment lines, where the METADATA lives, are left out).
fn message_templates(rego: &str) -> Vec<String> {
    let code: String = rego.lines().filter(|l| !l.trim_start().starts_with('#')).map(|l| format!("{l}\n")).collect();
    let mut out = Vec::new();
    for marker in ["sprintf(", "\"msg\":"] {
        let mut rest = code.as_str();
        while let Some(i) = rest.find(marker) {
            rest = &rest[i + marker.len()..];
            if let Some(s) = string_literal(rest.trim_start()) {
                out.push(s);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The Rego string literal at the start of `s` (a JSON-style "…" string or a raw `…` one).
fn string_literal(s: &str) -> Option<String> {
    if let Some(raw) = s.strip_prefix('`') {
        return raw.find('`').map(|end| raw[..end].to_string());
    }
    let body = s.strip_prefix('"')?;
    let mut escaped = false;
    for (i, c) in body.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return serde_json::from_str(&s[..i + 2]).ok(),
            _ => escaped = false,
        }
    }
    None
}

/// An English message made from `template`, each verb replaced by a distinct marker.
fn sample_message(template: &str) -> (String, Vec<String>) {
    let verb = regex::Regex::new(r"%%|%(\[\d+\])?[-+# 0]*\d*(\.\d+)?(\[\d+\])?[a-zA-Z]").unwrap();
    let mut markers = Vec::new();
    let text = verb
        .replace_all(template, |c: &regex::Captures| {
            if &c[0] == "%%" {
                "%".to_string()
            } else {
                let m = format!("«{}»", markers.len() + 1);
                markers.push(m.clone());
                m
            }
        })
        .into_owned();
    (text, markers)
}

#[test]
fn every_bundled_rule_has_its_chinese_texts() {
    let mut problems = Vec::new();
    let mut rules = 0;
    for f in policy::bundled_files() {
        if f.is_test() || !(f.package.starts_with(policy::RULES_PREFIX) || f.package.starts_with(policy::REPOSITORY_PREFIX)) {
            continue;
        }
        rules += 1;
        let meta = metadata::parse(&f.source).expect("metadata parses").unwrap_or_default();
        let id = meta.custom.id.clone().unwrap_or_else(|| f.path.clone());
        let Some(zh) = i18n::rule_text(&meta, Lang::ZhCn) else {
            problems.push(format!("{id} ({}): no custom.i18n.zh-CN", f.path));
            continue;
        };
        for (field, value) in [("title", &zh.title), ("description", &zh.description), ("remediation", &zh.remediation), ("evidence", &zh.evidence)] {
            let has_chinese = value.as_deref().is_some_and(|v| v.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
            if !has_chinese {
                problems.push(format!("{id}: no Chinese {field}"));
            }
        }
        // The CAICT roadmap's clause as the roadmap names it, in Chinese.
        let caict = zh.clauses.get("caict-roadmap-2024");
        if !caict.is_some_and(|c| c.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))) {
            problems.push(format!("{id}: no Chinese clause for caict-roadmap-2024"));
        }
        for template in message_templates(&f.source.text) {
            // A fragment with no prose formats data (`#%d`, "`%s`", `[%v]`, `model-index[%d]`,
            // "`key: %v`"): code spans and identifiers are not translated, so it needs no template.
            let (sample, _) = sample_message(&template);
            let prose: String = sample.split('`').step_by(2).collect::<Vec<_>>().join(" ");
            let words = prose.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
            if words == 0 || (words == 1 && !prose.trim().contains(' ')) {
                continue;
            }
            if !zh.messages.iter().any(|(en, _)| *en == template) {
                problems.push(format!("{id}: no Chinese template for {template:?}"));
                continue;
            }
            // The Chinese template must match its own English one and use every argument.
            let (sample, markers) = sample_message(&template);
            match i18n::localize(&meta, Lang::ZhCn, &sample) {
                Some(zh) => {
                    for m in markers.iter().filter(|m| !zh.contains(m.as_str())) {
                        problems.push(format!("{id}: the Chinese template for {template:?} drops argument {m}: {zh}"));
                    }
                }
                None => problems.push(format!("{id}: the Chinese template for {template:?} does not fill")),
            }
        }
    }
    assert!(rules > 50, "found only {rules} bundled rules");
    assert!(problems.is_empty(), "{} problems in the Chinese texts of the bundled rules:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn template_extraction_reads_sprintf_and_literal_messages() {
    let rego = "# METADATA\n# title: \"msg\": \"not code\"\npackage p\n\
        deny contains {\"msg\": \"the card has no \\\"license\\\"\"} if { true }\n\
        deny contains {\"msg\": sprintf(\"container `%s` uses `%v`\", [a, b])} if { true }\n\
        deny contains {\"msg\": msg} if { msg := sprintf(`raw %d`, [1]) }\n";
    assert_eq!(
        message_templates(rego),
        vec!["container `%s` uses `%v`".to_string(), "raw %d".to_string(), "the card has no \"license\"".to_string()]
    );
    assert_eq!(sample_message("a %s b %.2f%% c %[2]v"), ("a «1» b «2»% c «3»".to_string(), vec!["«1»".into(), "«2»".into(), "«3»".into()]));
}

#[test]
fn every_audit_text_has_a_chinese_of_its_own() {
    // The audit report writes its texts by id (src/audit/text.rs), each entry giving the English
    // and the Chinese over the same named arguments: an entry without its Chinese, or whose
    // Chinese drops an argument or names one the text does not have, does not compile. What
    // still compiles is a Chinese left empty, or the English copied in its place.
    let table = govlint::audit::text::TABLE;
    assert!(table.len() > 150, "only {} audit texts", table.len());
    let problems: Vec<String> = table
        .iter()
        .filter(|(_, en, zh)| zh.trim().is_empty() || zh == en)
        .map(|(id, en, zh)| format!("{id}: {en:?} has no Chinese of its own: {zh:?}"))
        .collect();
    assert!(problems.is_empty(), "in src/audit/text.rs:\n{}", problems.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// The language of a run

/// A repository with one model card that has no license, and `config` as its govlint.yaml.
fn tiny_repo(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("models/m")).unwrap();
    std::fs::write(dir.path().join("models/m/README.md"), "---\nlanguage: en\npipeline_tag: text-generation\n---\n# M\n").unwrap();
    if let Some(c) = config {
        std::fs::write(dir.path().join("govlint.yaml"), c).unwrap();
    }
    dir
}

fn is_chinese(r: &Run) -> bool {
    r.expect_code(1);
    r.stdout.contains("个制品")
}

#[test]
fn flag_then_env_then_config_then_locale() {
    let plain = tiny_repo(None);
    let zh_config = tiny_repo(Some("lang: zh-CN\n"));
    let en_config = tiny_repo(Some("lang: en\n"));
    let check = ["check", "--color", "never"];
    let with = |extra: &[&'static str]| [&check[..], extra].concat();

    // Default: English; the locale decides when nothing else does.
    assert!(!is_chinese(&run(plain.path(), &check, &[])));
    assert!(is_chinese(&run(plain.path(), &check, &[("LANG", "zh_CN.UTF-8")])));
    assert!(!is_chinese(&run(plain.path(), &check, &[("LANG", "en_US.UTF-8")])));
    assert!(is_chinese(&run(plain.path(), &check, &[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])));
    // The config wins over the locale.
    assert!(is_chinese(&run(zh_config.path(), &check, &[("LANG", "en_US.UTF-8")])));
    assert!(!is_chinese(&run(en_config.path(), &check, &[("LANG", "zh_CN.UTF-8")])));
    // GOVLINT_LANG wins over the config.
    assert!(!is_chinese(&run(zh_config.path(), &check, &[("GOVLINT_LANG", "en")])));
    assert!(is_chinese(&run(en_config.path(), &check, &[("GOVLINT_LANG", "zh_CN")])));
    // The flag wins over everything.
    assert!(!is_chinese(&run(zh_config.path(), &with(&["--lang", "en"]), &[("GOVLINT_LANG", "zh-CN"), ("LANG", "zh_CN.UTF-8")])));
    assert!(is_chinese(&run(en_config.path(), &with(&["--lang", "zh"]), &[("GOVLINT_LANG", "en")])));
}

#[test]
fn an_unknown_language_is_a_tool_error() {
    let repo = tiny_repo(None);
    let r = run(repo.path(), &["check", "--lang", "fr"], &[]);
    r.expect_code(2);
    assert!(r.stderr.contains("unknown language `fr`"), "{}", r.stderr);
    let r = run(repo.path(), &["check"], &[("GOVLINT_LANG", "klingon")]);
    r.expect_code(2);
    assert!(r.stderr.contains("GOVLINT_LANG"), "{}", r.stderr);
    let bad = tiny_repo(Some("lang: fr\n"));
    let r = run(bad.path(), &["check"], &[]);
    r.expect_code(2);
    assert!(r.stderr.contains("govlint.yaml"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// Output

#[test]
fn chinese_human_output_of_the_example_repository() {
    let r = run(&example_repo(), &["check", "--lang", "zh-CN", "--color", "never"], &[]);
    r.expect_code(1);
    // A message of a bundled rule, its Chinese remediation as help, a Chinese label, the summary.
    assert!(r.stdout.contains("个错误"), "{}", r.stdout);
    assert!(r.stdout.contains("此处"), "{}", r.stdout);
    insta::assert_snapshot!("zh_cn_human_example_repo", r.stdout);
}

#[test]
fn the_readme_example_is_real_output() {
    let readme = std::fs::read_to_string(common::project_root().join("README.md")).unwrap();
    let command = "$ govlint check --lang zh-CN fixtures/example-repo";
    let block = readme.split(command).nth(1).and_then(|rest| rest.split("```").next()).expect("README shows the Chinese example");
    let r = run(&common::project_root(), &["check", "--lang", "zh-CN", "--color", "never", "fixtures/example-repo"], &[]);
    r.expect_code(1);
    for line in block.lines().map(str::trim).filter(|l| !l.is_empty() && *l != "…") {
        assert!(r.stdout.lines().any(|o| o.trim() == line), "README line not in the output: {line}\n--- output\n{}", r.stdout);
    }
}

#[test]
fn json_keeps_english_and_adds_localized() {
    let en = run(&example_repo(), &["check", "--format", "json"], &[]);
    let zh = run(&example_repo(), &["check", "--format", "json", "--lang", "zh-CN"], &[]);
    let en: serde_json::Value = serde_json::from_str(&en.stdout).unwrap();
    let zh: serde_json::Value = serde_json::from_str(&zh.stdout).unwrap();
    let diags = |v: &serde_json::Value| v["diagnostics"].as_array().unwrap().clone();
    assert_eq!(diags(&en).len(), diags(&zh).len());
    let mut localized = Vec::new();
    for (e, z) in diags(&en).iter().zip(diags(&zh).iter()) {
        assert!(e.get("localized").is_none(), "English output has no `localized`");
        // Every English field is the same, whatever the language.
        let mut stripped = z.clone();
        let l = stripped.as_object_mut().unwrap().remove("localized").expect("each Chinese diagnostic has `localized`");
        assert_eq!(e, &stripped);
        assert_eq!(l["lang"], "zh-CN");
        localized.push(serde_json::json!({"rule": z["rule"], "file": z["file"], "line": z["line"], "localized": l}));
    }
    assert!(localized.iter().any(|l| l["localized"]["translated"] == true), "no message was translated");
    insta::assert_json_snapshot!("zh_cn_json_localized_example_repo", localized);
}

/// A Chinese reader gets the bundled rules' findings in Chinese through and through: the parts
/// a rule puts into its messages (a problem, a place, a kind of credential) are translated with
/// them. Code spans and quoted headings stay as the file has them; two lowercase English words
/// in a row are prose left untranslated.
#[test]
fn chinese_findings_of_the_bundled_rules_leave_no_english_prose() {
    let root = common::project_root();
    let trees = common::real_trees();
    let quoted = regex::Regex::new(r"`[^`]*`|“[^”]*”").unwrap();
    let prose = regex::Regex::new(r"\b[a-z]{2,}\s+[a-z]{2,}\b").unwrap();
    let bundled = regex::Regex::new(r"^[A-Z]{2}\d{3}$").unwrap();
    let mut english = std::collections::BTreeSet::new();
    let mut seen = 0;
    for tree in trees {
        let tree = tree.to_str().expect("a UTF-8 path").to_string();
        let r = run(&root, &["check", &tree, "--format", "json", "--lang", "zh-CN"], &[]);
        assert_ne!(r.code, 2, "{tree}: {}", r.stderr);
        let report: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
        for d in report["diagnostics"].as_array().unwrap() {
            if !bundled.is_match(d["rule"].as_str().unwrap_or("")) {
                continue;
            }
            seen += 1;
            let message = d["localized"]["message"].as_str().unwrap_or_default();
            if prose.is_match(&quoted.replace_all(message, "")) {
                english.insert(format!("{}: {message}", d["rule"]));
            }
        }
    }
    assert!(seen > 50, "too few findings of the bundled rules were read ({seen})");
    assert!(english.is_empty(), "English left in Chinese messages:\n{}", english.into_iter().collect::<Vec<_>>().join("\n"));
}

#[test]
fn explain_and_rules_in_chinese() {
    let repo = tiny_repo(None);
    let meta = policy::bundled_files()
        .into_iter()
        .filter(|f| !f.is_test())
        .filter_map(|f| metadata::parse(&f.source).ok().flatten())
        .find(|m| m.custom.id.as_deref() == Some("MC001"))
        .expect("MC001 is bundled");
    let zh = i18n::rule_text(&meta, Lang::ZhCn).expect("MC001 has Chinese texts");
    let title = zh.title.clone().expect("a Chinese title");

    let r = run(repo.path(), &["explain", "MC001", "--lang", "zh-CN"], &[]);
    r.expect_code(0);
    assert!(r.stdout.contains(&title), "{}", r.stdout);
    assert!(r.stdout.contains("修复方法"), "{}", r.stdout);
    assert!(r.stdout.contains(zh.remediation.as_deref().unwrap().lines().next().unwrap()), "{}", r.stdout);
    let r = run(repo.path(), &["explain", "MC001"], &[]);
    assert!(!r.stdout.contains(&title) && r.stdout.contains("How to fix"), "{}", r.stdout);
    let r = run(repo.path(), &["explain", "schema"], &[("GOVLINT_LANG", "zh-CN")]);
    assert!(r.stdout.contains("不符合 JSON Schema"), "{}", r.stdout);

    let r = run(repo.path(), &["rules", "--lang", "zh-CN"], &[]);
    r.expect_code(0);
    assert!(r.stdout.lines().any(|l| l.starts_with("MC001") && l.ends_with(&title)), "{}", r.stdout);
    let r = run(repo.path(), &["rules", "--lang", "zh-CN", "--format", "markdown"], &[]);
    assert!(r.stdout.starts_with("# govlint 规则") && r.stdout.contains(&format!("**{title}**")), "{}", r.stdout);
    let r = run(repo.path(), &["rules", "--lang", "zh-CN", "--format", "json"], &[]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let mc001 = v["rules"].as_array().unwrap().iter().find(|r| r["id"] == "MC001").unwrap();
    assert_eq!(mc001["title"].as_str(), meta.title.as_deref(), "the English title stays");
    assert_eq!(mc001["localized"]["title"].as_str(), Some(title.as_str()));
    let r = run(repo.path(), &["rules", "--format", "json"], &[]);
    assert!(!r.stdout.contains("\"localized\""));
}

#[test]
fn sarif_rule_help_in_chinese() {
    let r = run(&example_repo(), &["check", "--format", "sarif", "--lang", "zh-CN"], &[]);
    r.expect_code(1);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let mc001 = rules.iter().find(|r| r["id"] == "MC001").expect("MC001 is described");
    let meta = policy::bundled_files()
        .into_iter()
        .filter(|f| !f.is_test())
        .filter_map(|f| metadata::parse(&f.source).ok().flatten())
        .find(|m| m.custom.id.as_deref() == Some("MC001"))
        .unwrap();
    let zh = i18n::rule_text(&meta, Lang::ZhCn).unwrap();
    assert_eq!(mc001["shortDescription"]["text"].as_str(), zh.title.as_deref());
    assert_eq!(mc001["fullDescription"]["text"].as_str(), zh.description.as_deref());
    assert!(mc001["help"]["text"].as_str().unwrap().starts_with("修复方法："));
    // The name stays an English identifier.
    assert!(mc001["name"].as_str().unwrap().is_ascii());
}

#[test]
fn builtin_checks_in_chinese() {
    let r = run(&case("mixed"), &["check", "--no-builtin", "--color", "never", "--lang", "zh-CN"], &[]);
    r.expect_code(1);
    insta::assert_snapshot!("zh_cn_human_mixed", r.stdout);
}

#[test]
fn chinese_markdown_report_snapshot() {
    // A copy outside any git repository, so that the report has no commit or author to vary.
    let (_guard, dir) = common::tempdir();
    let root = dir.join("repo");
    common::copy_tree(&example_repo(), &root);
    let r = run(&root, &["report", "--lang", "zh-CN", "--format", "markdown"], &[("SOURCE_DATE_EPOCH", "1796126400")]);
    r.expect_code(0);
    assert!(r.stdout.starts_with("# govlint 审计报告"), "{}", r.stdout);
    // Digests change with every policy edit, the version with every release.
    let digest = regex::Regex::new("[0-9a-f]{64}").unwrap();
    let stable = digest.replace_all(&r.stdout, "[sha256]").replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!("zh_cn_markdown_report", stable);
    // The CAICT roadmap's clauses as the roadmap names them; other frameworks' as their sources do.
    assert!(r.stdout.contains("| DP001 | 安全可信：应用的合规备案 |"), "{}", r.stdout);
    assert!(r.stdout.contains("| DP012 | Art 50(1)"), "{}", r.stdout);
}

#[test]
fn caict_clauses_and_evidence_in_chinese() {
    let repo = tiny_repo(None);
    let r = run(repo.path(), &["explain", "DP001", "--lang", "zh-CN"], &[]);
    r.expect_code(0);
    assert!(r.stdout.contains("- caict-roadmap-2024: 安全可信：应用的合规备案\n"), "{}", r.stdout);
    assert!(r.stdout.contains("- cn-genai: IM Art 17"), "{}", r.stdout);
    assert!(r.stdout.contains("所需证据：服务的 DeploymentManifest 中的 `governance.filing`"), "{}", r.stdout);
    let r = run(repo.path(), &["explain", "DP001"], &[]);
    assert!(r.stdout.contains("- caict-roadmap-2024: security & trustworthiness: regulatory compliance (filing) of the application\n"), "{}", r.stdout);
    assert!(r.stdout.contains("Evidence it needs: `governance.filing`"), "{}", r.stdout);
}

// ---------------------------------------------------------------------------------------------
// The audit report printed to PDF

/// The first browser found on PATH that can print a page to PDF.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| StdCommand::new(b).arg("--version").output().is_ok_and(|o| o.status.success()))
}

#[test]
fn chinese_html_report_prints_to_pdf() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no chromium on PATH (.ci/run installs it)");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let html = out.path().join("audit.html");
    let pdf = out.path().join("audit.pdf");
    let r = run(&example_repo(), &["report", "--lang", "zh-CN", "--format", "html", "-o", html.to_str().unwrap()], &[]);
    r.expect_code(0);
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("lang=\"zh-CN\""), "the page declares its language");
    assert!(text.contains("Noto Sans CJK SC"), "the font stack covers CJK");
    assert!(!text.contains("http://fonts.") && !text.contains("https://fonts."), "no font is fetched from the network");
    let status = StdCommand::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .env("HOME", out.path())
        .output()
        .unwrap();
    assert!(pdf.is_file(), "chromium printed no PDF: {}", String::from_utf8_lossy(&status.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    match StdCommand::new("pdfinfo").arg(&pdf).output() {
        Ok(o) if o.status.success() => {
            let info = String::from_utf8_lossy(&o.stdout);
            let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()).unwrap_or(0);
            assert!(pages >= 2, "the report has a cover and sections, so several pages:\n{info}");
        }
        _ => assert!(bytes.windows(10).any(|w| w == b"/Type /Pag" || w == b"/Type/Page"), "the PDF has pages"),
    }
    if let Ok(o) = StdCommand::new("pdftotext").args(["-layout"]).arg(&pdf).arg("-").output() {
        if o.status.success() {
            let extracted = String::from_utf8_lossy(&o.stdout);
            let title = i18n::rule_doc("MC001", Lang::ZhCn).and_then(|t| t.title).unwrap();
            // pdftotext may break a long title across lines: look for its first characters.
            let head: String = title.chars().take(6).collect();
            assert!(extracted.contains(&head), "the PDF text has no `{head}`:\n{extracted}");
        }
    }
    if let Ok(dir) = std::env::var("GOVLINT_KEEP_PDF") {
        // For a person to look at the pages: GOVLINT_KEEP_PDF=/some/dir cargo test --test it i18n::.
        let _ = std::fs::copy(&pdf, Path::new(&dir).join("audit-zh-CN.pdf"));
        let _ = std::fs::copy(&html, Path::new(&dir).join("audit-zh-CN.html"));
    }
}

/// The clauses a filing reviewer looks up: `govlint explain` gives each rule's corrected
/// citation in English (its framework clauses) and in Chinese (its description), and none of the
/// citations that pointed at the wrong article, annex point or numbering.
#[test]
fn explain_gives_the_corrected_citations_in_english_and_chinese() {
    let repo = tiny_repo(None);
    let cases: &[(&str, &str, &str, &str)] = &[
        ("MC005", "Annex XII, points 1(g) and 2(b)", "附件十二第2(b)点", "Annex XI 1(1)(e)"),
        ("MC008", "Art. 53(1)(a); with systemic risk also Annex XI Section 2, point 1", "第五十三条第1款(a)项", "Annex XI 2(1)"),
        ("MC013", "Art. 53(1)(b)(i); Annex XII", "第五十三条第1款(b)项(i)目", "Art. 13(3)(b)"),
        ("DS007", "Annex XI Section 1, point 2(c)", "附件十一第1节第2(c)点", "Annex XI 2(c)\n"),
        ("XR003", "Annex XI Section 1, point 2(c)", "附件十一第1节第2(c)点", "Annex XI 2(c)\n"),
        ("MC017", "value alignment (stage: capability building)", "安全可信层、能力建设阶段", "§6(3)"),
        ("DP011", "Art 23(3), formerly Art 21(3)", "第二十三条第（三）项", "Law Art 21(3) (logs"),
        ("DS016", "MG-4.1", "MG-4.1", "MS-2.4 ("),
        ("DS004", "GB/T 45654", "训练数据使用前", "语料"),
    ];
    for (id, english, chinese, wrong) in cases {
        let en = run(repo.path(), &["explain", id], &[]);
        en.expect_code(0);
        assert!(en.stdout.contains(english), "{id} in English lacks {english:?}:\n{}", en.stdout);
        let zh = run(repo.path(), &["explain", id, "--lang", "zh-CN"], &[]);
        zh.expect_code(0);
        assert!(zh.stdout.contains(chinese), "{id} in Chinese lacks {chinese:?}:\n{}", zh.stdout);
        assert!(!en.stdout.contains(wrong) && !zh.stdout.contains(wrong), "{id} still cites {wrong:?}");
    }
}
