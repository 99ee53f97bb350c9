//! govlint on repositories it was not written for: the real repositories pinned in
//! `../shared/repos` (SOURCES.tsv), and small trees of our own for each class of problem they
//! showed. The shared repositories exist only in the development setup: where they are absent,
//! the tests that read them skip with a message.

use crate::common;

use std::path::{Path, PathBuf};

use common::{check_json, govlint};

fn repo(name: &str) -> Option<PathBuf> {
    let dir = common::project_root().join("../shared/repos").join(name);
    if dir.is_dir() {
        Some(dir.canonicalize().unwrap())
    } else {
        eprintln!("skipped: no {} (it exists only in the development setup)", dir.display());
        None
    }
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn copy_tree(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_tree(&e.path(), &target);
        } else {
            std::fs::write(&target, std::fs::read(e.path()).unwrap()).unwrap();
        }
    }
}

#[test]
fn production_stack_is_classified_by_role() {
    let Some(dir) = repo("production-stack") else { return };
    let (run, report) = check_json(&dir, &["-v"]);
    let skip = |p: &str| run.skip_reason(p).unwrap_or_else(|| panic!("{p} is not skipped\n{}", run.stderr));
    // Cluster plumbing: RBAC and CRDs are not deployment configs.
    assert!(skip("operator/config/rbac/cacheserver_admin_role.yaml").contains("access control (RBAC), not a deployment config"));
    assert!(skip("operator/config/crd/bases/production-stack.vllm.ai_vllmruntimes.yaml").contains("(CRD)"));
    // Chart templates are Go templates; kustomize patches are partial objects.
    assert!(skip("helm/templates/deployment-vllm-multi.yaml").contains("Helm chart template"));
    assert!(skip("operator/config/default/manager_image_patch.yaml").contains("kustomize patch"));
    // Values files of the chart, wherever the repository keeps them, are Helm values.
    let checked = run.checked();
    for values in ["helm/values.yaml", "tutorials/assets/values-01-minimal-example.yaml", "tests/assets/values-05-secure-vllm.yaml"] {
        assert!(checked.iter().any(|(p, _, k, f)| p == values && k == "deployment-config" && f == "helm-values"), "{values}\n{}", run.stderr);
    }
    // The plaintext API key is found; a header name under a key named like a secret is not one.
    let dp016: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == "DP016").collect();
    assert!(dp016.iter().any(|d| d.file == "tests/assets/values-05-secure-vllm.yaml" && d.pointer.as_deref() == Some("/servingEngineSpec/vllmApiKey")), "{dp016:#?}");
    assert!(dp016.iter().all(|d| !d.message.contains("sessionKey")), "{dp016:#?}");
    // A device plugin is not a serving workload; nothing is a parse or schema error.
    assert!(!report.diagnostics.iter().any(|d| d.file.contains("nvidia-device-plugin") && ["DP014", "DP015"].contains(&d.rule.as_str())));
    assert!(!report.diagnostics.iter().any(|d| d.rule == "schema" || d.rule == "parse-error"), "{:#?}", report.diagnostics);
    // One reference, one finding: no two XR001 findings at the same place.
    let mut xr001: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == "XR001").map(|d| (d.file.clone(), d.pointer.clone())).collect();
    let n = xr001.len();
    xr001.dedup();
    assert_eq!(n, xr001.len());
}

#[test]
fn a_model_repository_readme_is_its_card() {
    let Some(dir) = repo("ChatGLM3") else { return };
    let (run, _) = check_json(&dir, &["-v"]);
    assert!(run.checked().iter().any(|(p, _, k, _)| p == "README.md" && k == "model-card"), "{}", run.stderr);
    // A translation beside it is not a second card.
    assert!(!run.checked().iter().any(|(p, ..)| p == "README_en.md"), "{}", run.stderr);
}

#[test]
fn modelscope_card_template_is_a_modelscope_card_with_a_license() {
    let Some(dir) = repo("modelscope-template") else { return };
    let (run, report) = check_json(&dir, &["-v"]);
    assert!(run.checked().iter().any(|(p, _, k, f)| p == "README.md" && k == "model-card" && f == "modelscope"), "{}", run.stderr);
    assert!(!report.diagnostics.iter().any(|d| d.rule == "MC001"), "{:#?}", report.diagnostics);
}

#[test]
fn init_on_production_stack_reports_no_more_errors() {
    let Some(dir) = repo("production-stack") else { return };
    let copy = tempfile::tempdir().unwrap();
    copy_tree(&dir, copy.path());
    let (_, without) = check_json(copy.path(), &[]);
    govlint(copy.path(), &["init"]).expect_code(0);
    let config = std::fs::read_to_string(copy.path().join("govlint.yaml")).unwrap();
    // No glob per file: the artifacts are listed by directory.
    assert!(config.lines().filter(|l| l.trim_start().starts_with("- ") && l.contains('"')).count() < 5, "{config}");
    assert!(config.contains("#   deployment-config  tutorials/"), "{config}");
    let (_, with) = check_json(copy.path(), &[]);
    assert!(with.summary.errors <= without.summary.errors, "{} > {}", with.summary.errors, without.summary.errors);
}

/// Each class, on a tree of our own: plumbing kinds in a List, a trailing `---`, a values file
/// outside its chart, a template under a chart's `files/`, a model repository's README.
#[test]
fn classes_on_trees_of_our_own() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "deploy/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  MODEL: x\n---\n");
    write(root, "deploy/rbac.yaml", "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: rbac.authorization.k8s.io/v1\n    kind: ClusterRole\n    metadata: {name: r}\n  - apiVersion: v1\n    kind: ServiceAccount\n    metadata: {name: s}\n");
    write(root, "deploy/crd.yaml", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: x.example.com\n");
    write(root, "chart/Chart.yaml", "apiVersion: v2\nname: x\nversion: 1.0.0\n");
    write(root, "chart/values.yaml", "servingSpec:\n  apiKey: \"\"\n");
    write(root, "chart/files/patch.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    {{- toYaml .Values.labels | nindent 4 }}\n");
    write(root, "examples/values-prod.yaml", "servingSpec:\n  apiKey: \"abc123XYZ987\"\n");
    write(root, "models/m/README.md", "# M\n\nA model.\n");
    write(root, "models/m/MODEL_LICENSE", "terms\n");
    let (run, report) = check_json(root, &["-v"]);
    let checked = run.checked();
    assert!(checked.iter().any(|(p, _, k, _)| p == "deploy/app.yaml" && k == "deployment-config"), "{}", run.stderr);
    assert!(run.skip_reason("deploy/rbac.yaml").is_some_and(|r| r.contains("not a deployment config")), "{}", run.stderr);
    assert!(run.skip_reason("deploy/crd.yaml").is_some_and(|r| r.contains("(CRD)")), "{}", run.stderr);
    assert!(run.skip_reason("chart/files/patch.yaml").is_some_and(|r| r.contains("Helm chart template")), "{}", run.stderr);
    assert!(checked.iter().any(|(p, _, _, f)| p == "examples/values-prod.yaml" && f == "helm-values"), "{}", run.stderr);
    assert!(checked.iter().any(|(p, _, k, _)| p == "models/m/README.md" && k == "model-card"), "{}", run.stderr);
    assert!(!report.diagnostics.iter().any(|d| d.rule == "schema" || d.rule == "parse-error"), "{:#?}", report.diagnostics);
    assert!(report.diagnostics.iter().any(|d| d.rule == "DP016" && d.file == "examples/values-prod.yaml"), "{:#?}", report.diagnostics);
}

/// YAML the Hugging Face Hub accepts (it reads cards with PyYAML): a quoted scalar and a flow
/// collection continued at column 1, in a card not named README.md. Read as PyYAML reads them,
/// with one note; no parse error, no skip.
#[test]
fn cards_the_hub_accepts_are_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "cards/widget-card.md",
        "---\r\nlicense: apache-2.0\r\npipeline_tag: text-generation\r\ntags: [chat,\r\nmultilingual]\r\nwidget:\r\n- text: \"How many sides, when\r\ncombined? Answer in Chinese.\"\r\n  example_title: \"math\"\r\nbase_model: bigscience/bloom\r\n---\r\n# Widget card\r\n",
    );
    let (run, report) = check_json(root, &["-v"]);
    assert!(run.checked().iter().any(|(p, _, k, f)| p == "cards/widget-card.md" && k == "model-card" && f == "huggingface"), "{}", run.stderr);
    assert!(!report.diagnostics.iter().any(|d| d.rule == "parse-error"), "{:#?}", report.diagnostics);
    // The license after the re-indented lines is read: MC001 is quiet.
    assert!(!report.diagnostics.iter().any(|d| d.rule == "MC001"), "{:#?}", report.diagnostics);
    let notes: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == "yaml-portability").collect();
    assert_eq!(notes.len(), 1, "{notes:#?}");
    assert_eq!((notes[0].severity.as_str(), notes[0].line, notes[0].column), ("note", 5, 1));
    assert!(notes[0].message.contains("(at lines 5, 7)"), "{}", notes[0].message);
}

/// BLOOMZ's card in the corpus: its `widget:` list holds a quoted scalar continued at column 1.
#[test]
fn bloomz_card_from_the_corpus_is_read_as_the_hub_reads_it() {
    let card = common::project_root().join("../shared/corpus/model-cards/hfreadme-bigscience_bloomz.md");
    if !card.is_file() {
        eprintln!("skipped: no {} (it exists only in the development setup)", card.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "README.md", &std::fs::read_to_string(&card).unwrap());
    let (run, report) = check_json(dir.path(), &["-v"]);
    assert!(run.checked().iter().any(|(p, _, k, _)| p == "README.md" && k == "model-card"), "{}", run.stderr);
    assert!(!report.diagnostics.iter().any(|d| d.rule == "parse-error" || d.rule == "MC001"), "{:#?}", report.diagnostics);
    let notes: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == "yaml-portability").map(|d| (d.severity.as_str(), d.line, d.column)).collect();
    assert_eq!(notes, [("note", 90, 1)]);
}

/// Keys given with no value, as overlays write them (KServe's `manager_image_patch.yaml` has
/// `command:` alone): null where a list or a mapping is expected is no policy failure.
#[test]
fn keys_without_values_in_a_container_fail_no_policy() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "config/overlays/manager.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: manager\nspec:\n  template:\n    spec:\n      containers:\n        - name: manager\n          command:\n          args:\n          env:\n          image: example/manager:1.0\n          resources:\n            limits:\n            requests:\n              cpu: 50m\n",
    );
    let (run, report) = check_json(dir.path(), &["-v", "config/overlays/manager.yaml"]);
    assert!(run.checked().iter().any(|(p, ..)| p == "config/overlays/manager.yaml"), "{}", run.stderr);
    assert!(!report.diagnostics.iter().any(|d| d.rule == "policy-error"), "{:#?}", report.diagnostics);
}

/// A Kubernetes field given with no value is not given, as kubectl reads it: `annotations:` or
/// `command:` alone is no schema error; a required field given so is still missing.
#[test]
fn kubernetes_fields_without_values_are_absent() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "deploy/app.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  annotations:\ndata:\n  A: b\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          command:\n          image: example/app@sha256:0000000000000000000000000000000000000000000000000000000000000000\n        - name: side\n          image:\n",
    );
    let (_, report) = check_json(dir.path(), &[]);
    let schema: Vec<(usize, &str)> = report.diagnostics.iter().filter(|d| d.rule == "schema").map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(schema, [(20, "missing required property `image`")], "{:#?}", report.diagnostics);
}

/// A kustomize patch switched off in its kustomization (`#- x_patch.yaml`), or left for a build
/// script to switch on (`#ENABLE_X - path: x.yaml` under `patches:`), is still a patch.
#[test]
fn commented_kustomize_patches_are_patches() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "config/default/kustomization.yaml", "resources:\n- ../base\n#- metrics_patch.yaml\npatches:\n- path: image_patch.yaml\n");
    write(root, "config/overlay/kustomization.yaml", "resources:\n- ../base\npatches:\n#ENABLE_X - path: manager.yaml\n");
    let partial = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: m\nspec:\n  template:\n    spec:\n      containers:\n      - name: manager\n        ports:\n        - containerPort: 8080\n";
    for f in ["config/default/metrics_patch.yaml", "config/default/image_patch.yaml", "config/overlay/manager.yaml"] {
        write(root, f, partial);
    }
    let (run, report) = check_json(root, &["-v"]);
    for f in ["config/default/metrics_patch.yaml", "config/default/image_patch.yaml", "config/overlay/manager.yaml"] {
        assert!(run.skip_reason(f).is_some_and(|r| r.contains("kustomize patch")), "{f}\n{}", run.stderr);
    }
    assert!(!report.diagnostics.iter().any(|d| d.rule == "schema"), "{:#?}", report.diagnostics);
}

/// A template outside a Helm chart (KServe's e2e graphs: `name: {{ graph_name }}`, filled in by
/// Jinja) is YAML only once rendered: skipped with that reason, never a schema error. A quoted
/// placeholder is a string, and placeholders in a block scalar (a script a release bundle's
/// ConfigMap carries) are text: their files are checked.
#[test]
fn templates_outside_charts_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "test/resources/graph.yaml", "apiVersion: serving.kserve.io/v1alpha1\nkind: InferenceGraph\nmetadata:\n  name: {{ graph_name }}\nspec:\n  nodes: {}\n");
    write(root, "deploy/quoted.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"{{ name }}\"\ndata:\n  A: b\n");
    write(root, "install/v1/bundle.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  run.sh: |\n    {{- if .Spec.X }} --x {{ .Spec.X }}{{- end }}\n    name: {{ .Name }}\n");
    let (run, report) = check_json(root, &["-v"]);
    assert!(run.skip_reason("test/resources/graph.yaml").is_some_and(|r| r.starts_with("a template")), "{}", run.stderr);
    for checked in ["deploy/quoted.yaml", "install/v1/bundle.yaml"] {
        assert!(run.checked().iter().any(|(p, ..)| p == checked), "{checked}\n{}", run.stderr);
    }
    assert!(!report.diagnostics.iter().any(|d| d.rule == "schema"), "{:#?}", report.diagnostics);
}

/// The README of a model repository names its model by the model pages its title links (the Hub,
/// ModelScope): a workload serving that model from a local path is traced to the card. A title
/// that links no model page leaves the workload untraced.
#[test]
fn a_readme_card_names_the_model_its_title_links() {
    let compose = "services:\n  api:\n    image: example/api@sha256:0000000000000000000000000000000000000000000000000000000000000000\n    user: \"1000\"\n    command: [\"vllm\", \"serve\", \"/models/acme-chat-7b\"]\n";
    let xr001 = |title: &str| {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "README.md", &format!("# Acme Chat\n\n{title}\n\n## Usage\n\nRun the demo.\n"));
        write(dir.path(), "MODEL_LICENSE", "Acme model license\n");
        write(dir.path(), "config.json", "{}\n");
        write(dir.path(), "demo/docker-compose.yml", compose);
        let (run, report) = check_json(dir.path(), &["-v"]);
        assert!(run.checked().iter().any(|(p, _, k, _)| p == "README.md" && k == "model-card"), "{}", run.stderr);
        report.diagnostics.iter().filter(|d| d.rule == "XR001").map(|d| d.message.clone()).collect::<Vec<_>>()
    };
    assert_eq!(xr001("<a href=\"https://huggingface.co/acme/acme-chat-7b\">HF Repo</a>"), Vec::<String>::new());
    assert_eq!(xr001("[ModelScope](https://modelscope.cn/models/Acme/acme-chat-7b)"), Vec::<String>::new());
    // A dataset page, or no link, names no model.
    let untraced = xr001("[data](https://huggingface.co/datasets/acme/acme-chat-7b)");
    assert!(untraced.iter().any(|m| m.contains("/models/acme-chat-7b")), "{untraced:?}");
    assert!(!xr001("Read the docs.").is_empty());
}

#[test]
fn chatglm3_compose_serves_the_model_its_readme_describes() {
    let Some(dir) = repo("ChatGLM3") else { return };
    let (_, report) = check_json(&dir, &[]);
    let xr001: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == "XR001").map(|d| (d.file.as_str(), d.line, d.message.as_str())).collect();
    assert!(xr001.iter().all(|(_, _, m)| !m.contains("chatglm3-6b")), "{xr001:?}");
}

/// A path the reader is to fill in (`YOUR-MODEL-PATH`, `path/to/model`) names no model: no
/// XR001 error, as for a template or a variable.
#[test]
fn placeholder_model_paths_are_not_reported() {
    let dir = tempfile::tempdir().unwrap();
    for (name, model) in [("a", "/var/mdl/YOUR-MODEL-PATH"), ("b", "path/to/your_model"), ("c", "/models/acme-chat-7b")] {
        write(
            dir.path(),
            &format!("deploy/{name}.yaml"),
            &format!("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}\nspec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n          image: vllm/vllm-openai@sha256:0000000000000000000000000000000000000000000000000000000000000000\n          command: [\"vllm\", \"serve\", \"{model}\"]\n"),
        );
    }
    let (_, report) = check_json(dir.path(), &[]);
    let files: Vec<&str> = report.diagnostics.iter().filter(|d| d.rule == "XR001").map(|d| d.file.as_str()).collect();
    assert_eq!(files, ["deploy/c.yaml"], "{:#?}", report.diagnostics);
}
