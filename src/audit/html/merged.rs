//! The HTML report over several merged reports.

use super::*;

/// The merged report of several repositories: each one's facts, the combined summary,
/// framework table (a row per requirement, its status in each repository) and maturity, then a
/// section per repository.
pub fn render_merged(m: &crate::audit::merge::MergedReport, lang: Lang) -> String {
    let t = |s: &str| i18n::audit_text(s, lang);
    let mut out = String::new();
    page_start(&mut out, &t("govlint audit report — several repositories"), &m.header.tool.version, lang);
    let _ = writeln!(out, "<header class=\"cover\">\n<h1>{}</h1>", t("Governance audit report"));
    let _ = writeln!(
        out,
        "<p class=\"subtitle\">{}</p>",
        t(&format!("{} repositories · merged by govlint {} on {}", m.repositories.len(), esc(&m.header.tool.version), esc(&m.header.date)))
    );
    out.push_str("<table><thead><tr>");
    for h in ["Repository", "Commit", "Date", "Frameworks", "Policy bundle", "Input"] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for (i, (r, input)) in m.repositories.iter().zip(&m.header.inputs).enumerate() {
        let h = &r.header;
        let commit = match (&h.commit, h.dirty) {
            (Some(c), Some(true)) => format!("<code>{}</code> {}", esc(&c[..c.len().min(12)]), t("(uncommitted changes)")),
            (Some(c), _) => format!("<code>{}</code>", esc(&c[..c.len().min(12)])),
            _ => "—".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#r{i}\">{}</a></td><td>{commit}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td><code>{}</code></td></tr>",
            esc(&input.repository),
            esc(&h.date),
            esc(&h.frameworks.join(", ")),
            esc(&h.policy_bundle.sha256[..h.policy_bundle.sha256.len().min(12)]),
            esc(&input.file)
        );
    }
    out.push_str("</tbody></table>\n");
    for note in &m.header.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", message(note));
    }
    out.push_str("</header>\n");
    let mut entries: Vec<(String, String)> = vec![("summary".into(), "Summary".into()), ("frameworks".into(), "Frameworks".into())];
    for (i, input) in m.header.inputs.iter().enumerate() {
        entries.push((format!("r{i}"), input.repository.clone()));
    }
    entries.push(("rules".into(), "Rule inventory".into()));
    out.push_str("<nav class=\"toc\">");
    for (id, title) in &entries {
        let _ = write!(out, "<a href=\"#{id}\">{}</a>", esc(&t(title)));
    }
    out.push_str("</nav>\n");
    let _ = writeln!(out, "<section id=\"summary\" class=\"page\">\n<h2>{}</h2>", t("Summary"));
    summary(&mut out, &m.summary, &m.frameworks, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"frameworks\" class=\"page\">\n<h2>{}</h2>", t("Frameworks"));
    frameworks(&mut out, &m.frameworks, "", "rule-", "Repositories", lang);
    requirement_lists(&mut out, &m.frameworks, &[], "", lang);
    out.push_str("</section>\n");
    for (i, (r, input)) in m.repositories.iter().zip(&m.header.inputs).enumerate() {
        let prefix = format!("r{i}-");
        let _ = writeln!(out, "<section id=\"r{i}\" class=\"page\">\n<h2>{}</h2>", esc(&input.repository));
        facts(&mut out, &r.header, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Summary"));
        summary(&mut out, &r.summary, &r.frameworks, &prefix, lang);
        frameworks(&mut out, &r.frameworks, &prefix, "rule-", "Applies to", lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Requirements by artifact"));
        requirement_lists(&mut out, &r.frameworks, &r.artifacts, &prefix, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Artifacts"));
        artifacts(&mut out, r, &prefix, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Waivers"));
        waivers(&mut out, &r.waivers, lang);
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "<section id=\"rules\" class=\"page\">\n<h2>{}</h2>", t("Rule inventory"));
    rules(&mut out, &m.rules, lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<footer>{}</footer>", t(&format!("Merged by govlint {} from {} JSON reports (docs/audit-report.md, \"Merging reports\").", esc(&m.header.tool.version), m.repositories.len())));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
