//! Classification: which artifact kind and format a document is.
//!
//! The order is fixed and documented (docs/classification.md): a `kinds:` glob from the config
//! wins; then a native govlint manifest (`apiVersion: govlint.dev/v1`); then content sniffing —
//! CycloneDX (`bomFormat`), Croissant (`@context`/`conformsTo`), Kubernetes (`apiVersion` +
//! `kind`), docker-compose (`services`), Hugging Face card front matter; then the file name.

use std::path::Path;

use serde_json::Value;

use crate::parse::Syntax;

pub mod helm;
pub mod sniff;

/// The three kinds of governance artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    ModelCard,
    DatasetManifest,
    DeploymentConfig,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::ModelCard, Kind::DatasetManifest, Kind::DeploymentConfig];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::ModelCard => "model-card",
            Kind::DatasetManifest => "dataset-manifest",
            Kind::DeploymentConfig => "deployment-config",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The `kind:` of the native manifest.
    pub fn native_kind(self) -> &'static str {
        match self {
            Kind::ModelCard => "ModelCard",
            Kind::DatasetManifest => "DatasetManifest",
            Kind::DeploymentConfig => "DeploymentManifest",
        }
    }
}

/// The format a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    Native,
    Huggingface,
    Croissant,
    Cyclonedx,
    Kubernetes,
    Compose,
    HelmValues,
    Modelscope,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Native,
        Format::Huggingface,
        Format::Croissant,
        Format::Cyclonedx,
        Format::Kubernetes,
        Format::Compose,
        Format::HelmValues,
        Format::Modelscope,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::Huggingface => "huggingface",
            Format::Croissant => "croissant",
            Format::Cyclonedx => "cyclonedx",
            Format::Kubernetes => "kubernetes",
            Format::Compose => "compose",
            Format::HelmValues => "helm-values",
            Format::Modelscope => "modelscope",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// The kinds a document of this format can be.
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Format::Native => &Kind::ALL,
            Format::Huggingface => &[Kind::ModelCard, Kind::DatasetManifest],
            Format::Croissant => &[Kind::DatasetManifest],
            Format::Cyclonedx | Format::Modelscope => &[Kind::ModelCard],
            Format::Kubernetes | Format::Compose | Format::HelmValues => &[Kind::DeploymentConfig],
        }
    }
}

/// A document's kind and format, and how govlint decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    pub kind: Kind,
    pub format: Format,
    pub reason: String,
}

/// What the config's `kinds:` globs say of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GlobHint {
    pub kind: Kind,
    pub format: Option<Format>,
}

/// The native manifests' `apiVersion`.
pub const NATIVE_API_VERSION: &str = "govlint.dev/v1";

/// Keys that only Hugging Face dataset cards use.
const HF_DATASET_KEYS: &[&str] = &[
    "task_categories",
    "task_ids",
    "size_categories",
    "annotations_creators",
    "language_creators",
    "source_datasets",
    "multilinguality",
    "dataset_info",
    "configs",
    "pretty_name",
    "train-eval-index",
    "paperswithcode_id",
];

/// Keys that only Hugging Face model cards use.
const HF_MODEL_KEYS: &[&str] = &[
    "model-index",
    "pipeline_tag",
    "library_name",
    "base_model",
    "base_model_relation",
    "model_name",
    "model_type",
    "inference",
    "widget",
    "co2_eq_emissions",
    "new_version",
];

/// Keys only ModelScope model cards use (its card template and model hub).
pub const MODELSCOPE_KEYS: &[&str] = &["tasks", "domain", "frameworks", "backbone", "widgets", "finetune-support", "integrating"];

/// Keys both kinds of Hugging Face card use.
const HF_COMMON_KEYS: &[&str] = &["license", "license_name", "license_link", "language", "tags", "datasets", "metrics", "thumbnail", "governance"];

/// The kind a file name suggests, for cards and manifests named as such.
pub fn kind_from_name(path: &Path) -> Option<GlobHint> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let squashed: String = name.chars().filter(|c| !matches!(c, '_' | '-' | ' ' | '.')).collect();
    if squashed.contains("modelcard") {
        return Some(GlobHint { kind: Kind::ModelCard, format: None });
    }
    if squashed.contains("datasetcard") || squashed.contains("datasetmanifest") {
        return Some(GlobHint { kind: Kind::DatasetManifest, format: None });
    }
    let stem = name.trim_end_matches(".yaml").trim_end_matches(".yml");
    if stem != name && (stem == "compose" || stem.starts_with("docker-compose") || stem.starts_with("compose.")) {
        return Some(GlobHint { kind: Kind::DeploymentConfig, format: Some(Format::Compose) });
    }
    None
}

/// Whether a file's parse errors should be reported even when no document came out of it:
/// it is named or configured as an artifact, or it is a card (`README.md` with front matter).
pub fn is_candidate(path: &Path, syntax: Syntax, has_front_matter: bool, glob: Option<GlobHint>) -> bool {
    if glob.is_some() || kind_from_name(path).is_some() {
        return true;
    }
    syntax == Syntax::Markdown
        && has_front_matter
        && path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.eq_ignore_ascii_case("readme.md"))
}

/// Classifies one document; `Err` says why it is not an artifact.
pub fn classify(path: &Path, syntax: Syntax, value: &Value, has_front_matter: bool, glob: Option<GlobHint>) -> Result<Class, String> {
    let sniffed = sniff(path, syntax, value, has_front_matter);
    if let Some(g) = glob {
        // A glob names where artifacts are; cluster plumbing among them is still not one.
        if let Some((api, kind)) = value.get("apiVersion").and_then(Value::as_str).zip(value.get("kind").and_then(Value::as_str)) {
            if let Some(role) = plumbing(api, kind) {
                return Err(format!("Kubernetes `{kind}` ({api}) is {role}, not a deployment config, though a `kinds:` glob matches it"));
            }
        }
        let format = g
            .format
            .or_else(|| sniffed.as_ref().ok().map(|c| c.format).filter(|f| f.kinds().contains(&g.kind)))
            .unwrap_or_else(|| fallback_format(path, syntax, g.kind));
        return Ok(Class { kind: g.kind, format, reason: "matched a `kinds:` glob in the config".to_string() });
    }
    sniffed
}

/// The format assumed for a file the config names as `kind` when its content says nothing.
fn fallback_format(path: &Path, syntax: Syntax, kind: Kind) -> Format {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    match (syntax, kind) {
        (Syntax::Markdown, _) => Format::Huggingface,
        (_, Kind::DeploymentConfig) if name.starts_with("values") => Format::HelmValues,
        (_, Kind::DeploymentConfig) if kind_from_name(path).is_some_and(|h| h.format == Some(Format::Compose)) => Format::Compose,
        _ => Format::Native,
    }
}

fn has_any(obj: &serde_json::Map<String, Value>, keys: &[&str]) -> bool {
    keys.iter().any(|k| obj.contains_key(*k))
}

fn sniff(path: &Path, syntax: Syntax, value: &Value, has_front_matter: bool) -> Result<Class, String> {
    let by_name = kind_from_name(path);
    let Some(obj) = value.as_object() else {
        if let Some(h) = by_name {
            let format = h.format.unwrap_or(if syntax == Syntax::Markdown { Format::Huggingface } else { Format::Native });
            return Ok(Class { kind: h.kind, format, reason: "file name".to_string() });
        }
        return Err("the document is not a mapping".to_string());
    };
    let class = |kind, format, reason: &str| Ok(Class { kind, format, reason: reason.to_string() });

    if syntax == Syntax::Markdown {
        if has_any(obj, HF_DATASET_KEYS) {
            return class(Kind::DatasetManifest, Format::Huggingface, "front matter has Hugging Face dataset-card keys");
        }
        if has_any(obj, MODELSCOPE_KEYS) {
            return class(Kind::ModelCard, Format::Modelscope, "front matter has ModelScope model-card keys (tasks, domain, frameworks…)");
        }
        if has_any(obj, HF_MODEL_KEYS) {
            return class(Kind::ModelCard, Format::Huggingface, "front matter has Hugging Face model-card keys");
        }
        if let Some(h) = by_name {
            return class(h.kind, Format::Huggingface, "file name");
        }
        if has_front_matter && has_any(obj, HF_COMMON_KEYS) {
            return class(Kind::ModelCard, Format::Huggingface, "front matter has Hugging Face card keys (license, language, tags…)");
        }
        return Err(if has_front_matter {
            "front matter has none of the Hugging Face card keys".to_string()
        } else {
            "Markdown without front matter, not named as a card".to_string()
        });
    }

    if let (Some(Value::String(api)), Some(Value::String(k))) = (obj.get("apiVersion"), obj.get("kind")) {
        if api.starts_with("govlint.dev/") {
            return match Kind::ALL.into_iter().find(|kind| kind.native_kind() == k) {
                Some(kind) => class(kind, Format::Native, "native govlint manifest"),
                None => Err(format!("govlint manifest of unknown kind `{k}`")),
            };
        }
    }
    if obj.get("bomFormat").and_then(Value::as_str) == Some("CycloneDX") {
        return if has_ml_model(value) {
            class(Kind::ModelCard, Format::Cyclonedx, "CycloneDX BOM with a machine-learning-model component")
        } else {
            Err("CycloneDX BOM without a machine-learning-model component".to_string())
        };
    }
    if is_croissant(obj) {
        return class(Kind::DatasetManifest, Format::Croissant, "Croissant JSON-LD (@context / conformsTo)");
    }
    if let (Some(api), Some(kind)) = (obj.get("apiVersion").and_then(Value::as_str), obj.get("kind").and_then(Value::as_str)) {
        if let Some(role) = plumbing(api, kind) {
            return Err(format!("Kubernetes `{kind}` ({api}) is {role}, not a deployment config"));
        }
        return class(Kind::DeploymentConfig, Format::Kubernetes, "Kubernetes object (apiVersion and kind)");
    }
    if is_compose(obj) || by_name.is_some_and(|h| h.format == Some(Format::Compose)) {
        return class(Kind::DeploymentConfig, Format::Compose, "docker-compose file (services with image or build)");
    }
    if let Some(h) = by_name {
        return class(h.kind, h.format.unwrap_or(Format::Native), "file name");
    }
    Err("no artifact signature (native apiVersion, CycloneDX, Croissant, Kubernetes, compose, card keys)".to_string())
}

/// The role of a Kubernetes object that is cluster plumbing rather than a deployment config:
/// it defines the API, grants access, or sets up the cluster, a CI pipeline or a build, and
/// holds no workload, configuration or secret that a rule reads. `None` for every other kind
/// (workloads, services, ConfigMaps, Secrets, custom resources govlint does not know), which
/// are checked: when in doubt, a document is reported on, never skipped.
pub fn plumbing(api_version: &str, kind: &str) -> Option<&'static str> {
    let group = api_version.rsplit_once('/').map_or("", |(g, _)| g);
    let role = match (group, kind) {
        ("apiextensions.k8s.io", "CustomResourceDefinition") => "an API definition (CRD)",
        ("apiregistration.k8s.io", "APIService") => "an API definition (aggregated API)",
        ("rbac.authorization.k8s.io", "Role" | "ClusterRole" | "RoleBinding" | "ClusterRoleBinding") => "access control (RBAC)",
        ("", "ServiceAccount") => "access control (a service account)",
        ("", "Namespace" | "LimitRange" | "ResourceQuota") => "cluster set-up (a namespace or its quotas)",
        ("storage.k8s.io", _) => "cluster set-up (storage)",
        ("scheduling.k8s.io", "PriorityClass") | ("node.k8s.io", "RuntimeClass") => "cluster set-up (scheduling)",
        ("admissionregistration.k8s.io", _) => "cluster set-up (an admission webhook or policy)",
        ("cert-manager.io", _) | ("acme.cert-manager.io", _) => "cluster set-up (cert-manager certificates and issuers)",
        (g, _) if g == "tekton.dev" || g.ends_with(".tekton.dev") => "a CI pipeline (Tekton)",
        ("kustomize.config.k8s.io", "Kustomization" | "Component") => "a build instruction (kustomize)",
        _ => return None,
    };
    Some(role)
}

/// Files whose presence beside a `README.md` makes its directory a model repository (weights,
/// their index, a model's configuration files, a license of the weights): its README is then
/// the model card, front matter or not. A bare `config.json` counts when it names a model
/// architecture (`architectures`, `model_type`).
pub fn model_repository(dir: &Path) -> Option<String> {
    let entries = std::fs::read_dir(dir).ok()?;
    let mut names: Vec<String> = entries.filter_map(Result::ok).filter_map(|e| e.file_name().to_str().map(str::to_string)).collect();
    names.sort();
    let sign = names.iter().find(|n| {
        let l = n.to_ascii_lowercase();
        l.starts_with("model_license")
            || l.starts_with("model-license")
            || [".safetensors", ".gguf", ".safetensors.index.json", ".bin.index.json"].iter().any(|e| l.ends_with(e))
            || (l.starts_with("pytorch_model") && l.ends_with(".bin"))
            || ["generation_config.json", "tokenizer_config.json", "configuration.json", "adapter_config.json", "preprocessor_config.json"].contains(&l.as_str())
    });
    if let Some(n) = sign {
        return Some(format!("README.md of a model repository (`{n}` beside it)"));
    }
    let config = std::fs::read_to_string(dir.join("config.json")).ok()?;
    let v: Value = serde_json::from_str(&config).ok()?;
    (v.get("architectures").is_some() || v.get("model_type").is_some()).then(|| "README.md of a model repository (`config.json` names a model architecture)".to_string())
}

/// Whether a kustomization in the file's directory (or the one above) applies the file as a
/// patch (`patches`, `patchesStrategicMerge`, `patchesJson6902`): a partial object, merged
/// into its base when kustomize builds, whose missing fields are the base's.
pub fn kustomize_patch(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    let mut dir = path.parent();
    let mut rel = name.to_string();
    for _ in 0..2 {
        let Some(d) = dir else { return false };
        let text = ["kustomization.yaml", "kustomization.yml", "Kustomization"].iter().find_map(|k| std::fs::read_to_string(d.join(k)).ok());
        if let Some(text) = text {
            let names = |item: &str| item.ends_with(&*rel) || item.contains(&format!("{rel} ")) || item.contains(&format!("/{rel}")) || item.contains(&format!(" {rel}"));
            let mut section = "";
            for line in text.lines() {
                let item = line.trim_start();
                if item.is_empty() {
                    continue;
                }
                // An entry commented out (`#- x_patch.yaml`, `#ENABLE_X - path: x.yaml`) is a
                // patch switched off or left for a build script to switch on: still a partial
                // object, when the patch section lists it or its name says it is a patch.
                if let Some(comment) = item.strip_prefix('#') {
                    let entry = comment.find("- ").map(|i| &comment[i..]);
                    if entry.is_some_and(|e| names(e) && (section.starts_with("patch") || rel.contains("patch"))) {
                        return true;
                    }
                    continue;
                }
                if !line.starts_with([' ', '\t', '-']) {
                    section = line.split(':').next().unwrap_or("");
                }
                if section.starts_with("patch") && names(item) {
                    return true;
                }
            }
        }
        let Some(up) = d.file_name().and_then(|n| n.to_str()) else { return false };
        rel = format!("{up}/{rel}");
        dir = d.parent();
    }
    false
}

fn has_ml_model(v: &Value) -> bool {
    let in_list = |list: Option<&Value>| {
        list.and_then(Value::as_array).is_some_and(|items| {
            items.iter().any(|c| c.get("type").and_then(Value::as_str) == Some("machine-learning-model") || has_ml_model(c))
        })
    };
    in_list(v.get("components")) || v.get("metadata").and_then(|m| m.get("component")).is_some_and(|c| {
        c.get("type").and_then(Value::as_str) == Some("machine-learning-model") || has_ml_model(c)
    })
}

fn mentions_croissant(v: &Value) -> bool {
    match v {
        Value::String(s) => s.contains("mlcommons.org/croissant"),
        Value::Array(items) => items.iter().any(mentions_croissant),
        Value::Object(m) => m.values().any(mentions_croissant),
        _ => false,
    }
}

fn is_croissant(obj: &serde_json::Map<String, Value>) -> bool {
    ["conformsTo", "dct:conformsTo", "@context"].iter().any(|k| obj.get(*k).is_some_and(mentions_croissant))
}

fn is_compose(obj: &serde_json::Map<String, Value>) -> bool {
    obj.get("services").and_then(Value::as_object).is_some_and(|services| {
        !services.is_empty()
            && services.values().all(Value::is_object)
            && services.values().any(|s| s.get("image").is_some() || s.get("build").is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn c(path: &str, syntax: Syntax, v: Value) -> Result<(Kind, Format), String> {
        classify(Path::new(path), syntax, &v, true, None).map(|c| (c.kind, c.format))
    }

    #[test]
    fn sniffs_each_format() {
        use Format::*;
        use Kind::*;
        assert_eq!(c("README.md", Syntax::Markdown, json!({"license": "mit", "task_categories": ["x"]})), Ok((DatasetManifest, Huggingface)));
        assert_eq!(c("README.md", Syntax::Markdown, json!({"license": "mit"})), Ok((ModelCard, Huggingface)));
        assert_eq!(c("a.json", Syntax::Json, json!({"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model"}]})), Ok((ModelCard, Cyclonedx)));
        assert!(c("a.json", Syntax::Json, json!({"bomFormat": "CycloneDX", "components": [{"type": "library"}]})).is_err());
        assert_eq!(c("m.json", Syntax::Json, json!({"@context": {"cr": "http://mlcommons.org/croissant/"}})), Ok((DatasetManifest, Croissant)));
        assert_eq!(c("d.yaml", Syntax::Yaml, json!({"apiVersion": "apps/v1", "kind": "Deployment"})), Ok((DeploymentConfig, Kubernetes)));
        assert_eq!(c("d.yaml", Syntax::Yaml, json!({"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest"})), Ok((DatasetManifest, Native)));
        assert_eq!(c("x.yaml", Syntax::Yaml, json!({"services": {"api": {"image": "x"}}})), Ok((DeploymentConfig, Compose)));
        assert!(c("x.yaml", Syntax::Yaml, json!({"name": "ci"})).is_err());
        assert!(c("README.md", Syntax::Markdown, json!({"title": "Docs"})).is_err());
    }

    #[test]
    fn config_glob_wins() {
        let g = GlobHint { kind: Kind::DeploymentConfig, format: None };
        let r = classify(Path::new("chart/values.yaml"), Syntax::Yaml, &json!({"replicas": 1}), false, Some(g)).unwrap();
        assert_eq!((r.kind, r.format), (Kind::DeploymentConfig, Format::HelmValues));
    }
}
