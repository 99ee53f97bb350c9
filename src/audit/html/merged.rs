//! The HTML report over several merged reports.

use super::*;

/// The merged report of several repositories: each one's facts, the combined summary,
/// framework table (a row per requirement, its status in each repository) and maturity, then a
/// section per repository.
pub fn render_merged(m: &crate::audit::merge::MergedReport, lang: Lang) -> String {
    let t = |x: Text| x.render(lang);
    let mut out = String::new();
    page_start(&mut out, &t(Text::MergedTitle), &m.header.tool.version, lang);
    let _ = writeln!(out, "<header class=\"cover\">\n<h1>{}</h1>", t(Text::Title));
    let merged = Text::Merged { count: &m.repositories.len(), version: &esc(&m.header.tool.version), date: &esc(&m.header.date) };
    let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", t(merged));
    out.push_str("<table><thead><tr>");
    for h in [Text::Repository, Text::Commit, Text::Date, Text::Frameworks, Text::PolicyBundle, Text::Input] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for (i, (r, input)) in m.repositories.iter().zip(&m.header.inputs).enumerate() {
        let h = &r.header;
        let commit = match (&h.commit, h.dirty) {
            (Some(c), Some(true)) => format!("<code>{}</code> {}", esc(&c[..c.len().min(12)]), t(Text::UncommittedChanges)),
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
    // The fixed sections, and a section per repository named as the input names it.
    let mut entries: Vec<(String, String)> = vec![("summary".into(), t(Text::Summary)), ("frameworks".into(), t(Text::Frameworks))];
    for (i, input) in m.header.inputs.iter().enumerate() {
        entries.push((format!("r{i}"), input.repository.clone()));
    }
    entries.push(("rules".into(), t(Text::RuleInventory)));
    out.push_str("<nav class=\"toc\">");
    for (id, title) in &entries {
        let _ = write!(out, "<a href=\"#{id}\">{}</a>", esc(title));
    }
    out.push_str("</nav>\n");
    let _ = writeln!(out, "<section id=\"summary\" class=\"page\">\n<h2>{}</h2>", t(Text::Summary));
    summary(&mut out, &m.summary, &m.frameworks, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"frameworks\" class=\"page\">\n<h2>{}</h2>", t(Text::Frameworks));
    frameworks(&mut out, &m.frameworks, "", "rule-", Text::Repositories, lang);
    requirement_lists(&mut out, &m.frameworks, &[], "", lang);
    out.push_str("</section>\n");
    for (i, (r, input)) in m.repositories.iter().zip(&m.header.inputs).enumerate() {
        let prefix = format!("r{i}-");
        let _ = writeln!(out, "<section id=\"r{i}\" class=\"page\">\n<h2>{}</h2>", esc(&input.repository));
        facts(&mut out, &r.header, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t(Text::Summary));
        summary(&mut out, &r.summary, &r.frameworks, &prefix, lang);
        frameworks(&mut out, &r.frameworks, &prefix, "rule-", Text::AppliesTo, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t(Text::RequirementsByArtifact));
        requirement_lists(&mut out, &r.frameworks, &r.artifacts, &prefix, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t(Text::Artifacts));
        artifacts(&mut out, r, &prefix, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t(Text::Waivers));
        waivers(&mut out, &r.waivers, lang);
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "<section id=\"rules\" class=\"page\">\n<h2>{}</h2>", t(Text::RuleInventory));
    rules(&mut out, &m.rules, lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<footer>{}</footer>", t(Text::MergedFooter { version: &esc(&m.header.tool.version), count: &m.repositories.len() }));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
