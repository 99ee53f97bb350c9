//! Helm charts as Helm sees them: the values files of a chart are Helm values, wherever the
//! repository keeps them. A chart is a directory with a `Chart.yaml`; its `values*.yaml` are
//! its values, and so is a values file elsewhere (a tutorial's `assets/`, a test's fixtures)
//! that sets keys of the chart's own `values.yaml`, which is how `helm install -f` reads it.
//! The chart's `templates/` are Go templates ([`super::sniff::helm_template`]), not YAML.
//! Documented in docs/classification.md.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// A chart found under the config root: its directory and the top-level keys of its
/// `values.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chart {
    pub dir: PathBuf,
    pub keys: BTreeSet<String>,
}

/// How deep below the config root charts are looked for.
const MAX_DEPTH: usize = 8;

/// Whether a file name is a values file's: `values.yaml`, `values-prod.yaml`,
/// `gpu-operator-values.yml`, `staging.values.yaml`.
pub fn is_values_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_ascii_lowercase) else { return false };
    let Some(stem) = name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml")) else { return false };
    stem.starts_with("values") || stem.ends_with("-values") || stem.ends_with("_values") || stem.ends_with(".values")
}

/// The top-level keys of a YAML text, read line by line: `key:` at column 0. Enough to tell
/// which settings a values file makes, without parsing it.
fn top_keys(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '"' | '\'')))
        .filter_map(|l| l.split_once(':').map(|(k, _)| k.trim().trim_matches(|c| c == '"' || c == '\'').to_string()))
        .filter(|k| !k.is_empty() && !k.contains(' '))
        .collect()
}

/// The charts under `root` (git-ignored and hidden directories left out), in path order.
pub fn charts(root: &Path) -> Vec<Chart> {
    let mut out: Vec<Chart> = ignore::WalkBuilder::new(root)
        .max_depth(Some(MAX_DEPTH))
        .follow_links(false)
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()) && e.file_name() == "Chart.yaml")
        .filter_map(|e| {
            let dir = e.path().parent()?.to_path_buf();
            let values = std::fs::read_to_string(dir.join("values.yaml")).or_else(|_| std::fs::read_to_string(dir.join("values.yml"))).unwrap_or_default();
            Some(Chart { keys: top_keys(&values), dir })
        })
        .collect();
    out.sort_by(|a, b| a.dir.cmp(&b.dir));
    out
}

/// Why a YAML mapping with the top-level `keys` at `path` is a chart's values file, if it is:
/// a values file name, and either a `Chart.yaml` beside it or a chart among `charts` whose
/// `values.yaml` has one of its keys.
pub fn values_of<'c>(path: &Path, keys: &[&str], charts: impl FnOnce() -> &'c [Chart], root: &Path) -> Option<String> {
    if !is_values_name(path) {
        return None;
    }
    if path.parent().is_some_and(|dir| dir.join("Chart.yaml").is_file()) {
        return Some("Helm values (a values file beside the chart's `Chart.yaml`)".to_string());
    }
    charts().iter().find_map(|chart| {
        let shared: Vec<&str> = chart.keys.iter().map(String::as_str).filter(|k| keys.contains(k)).take(3).collect();
        (!shared.is_empty()).then(|| {
            let dir = chart.dir.strip_prefix(root).unwrap_or(&chart.dir);
            let dir = if dir.as_os_str().is_empty() { ".".to_string() } else { crate::paths::display_path(dir) };
            format!("Helm values of the chart in `{dir}` (sets its `{}`)", shared.join("`, `"))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_names() {
        for yes in ["values.yaml", "values-01-minimal.yaml", "gpu-operator-values.yml", "prod.values.yaml", "my_values.yaml"] {
            assert!(is_values_name(Path::new(yes)), "{yes}");
        }
        for no in ["values.json", "deployment.yaml", "valuesets.txt", "eigenvalues.py"] {
            assert!(!is_values_name(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn top_level_keys_only() {
        let keys = top_keys("# c\nservingEngineSpec:\n  modelSpec: []\n\"routerSpec\": {}\n- item\nkube-prometheus-stack:\n  a: 1\n");
        assert_eq!(keys.into_iter().collect::<Vec<_>>(), ["kube-prometheus-stack", "routerSpec", "servingEngineSpec"]);
    }
}
