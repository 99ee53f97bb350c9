//! A broken, oversized or disguised artifact is a finding, never a silent skip: a file that
//! does not parse but looks like an artifact (by its place or its text) is a `parse-error` at
//! the parser's position; a file over `max_file_size` found by the walk is `limit-exceeded`; a
//! duplicated key is reported whatever the order of its values; a Kubernetes document is read
//! as kubectl reads it (YAML 1.1 booleans, each item of a `List`), a compose file as docker
//! compose reads it (booleans cast from text).

use crate::common;

use std::path::Path;

use common::{check_json, tempdir, write, Report};

/// `check --no-builtin --format json -v .` in `root` (no rule: only the built-in checks).
fn check(root: &Path) -> (common::Run, Report) {
    check_json(root, &["--no-builtin", "-v", "."])
}

/// The (rule, line, column) of each finding in `file`.
fn at(report: &Report, file: &str) -> Vec<(String, usize, usize)> {
    report.in_file(file).into_iter().map(|d| (d.rule.clone(), d.line, d.column)).collect()
}

#[test]
fn a_broken_file_that_looks_like_an_artifact_is_reported_where_it_breaks() {
    let (_t, root) = tempdir();
    // A Kubernetes manifest with a syntax error, in deploy/.
    write(&root, "deploy/serving.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llm\n  labels: [a, b\nspec: {}\n");
    // A manifest outside any deployment directory: its apiVersion and kind lines survive.
    write(&root, "ops/llm.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template: {\n");
    // A BOM with a trailing comma, another with a comment.
    write(&root, "bom.json", "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n}\n");
    write(&root, "sbom/ml.json", "// generated\n{\"bomFormat\": \"CycloneDX\"}\n");
    // A Croissant file with a trailing comma.
    write(&root, "data/meta.json", "{\n  \"@context\": {\"cr\": \"http://mlcommons.org/croissant/\"},\n  \"name\": \"x\",\n}\n");
    // A native manifest with a YAML error.
    write(&root, "models/m/manifest.yaml", "apiVersion: govlint.dev/v1\nkind: ModelCard\nname: [x\n");
    // A README whose front matter is never closed.
    write(&root, "models/m/README.md", "---\nlicense: mit\npipeline_tag: text-generation\n\n# Model\n");
    // Not artifacts: a tsconfig with comments, a Helm chart's template, a README that opens
    // with a thematic break.
    write(&root, "web/tsconfig.json", "{\n  // comment\n  \"compilerOptions\": {},\n}\n");
    write(&root, "chart/Chart.yaml", "apiVersion: v2\nname: x\nversion: 1.0.0\n");
    write(&root, "chart/templates/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n  labels: {{- include \"x\" . | nindent 4 }}\n");
    write(&root, "docs/README.md", "---\nNote: this page is a draft.\n");

    let (run, report) = check(&root);
    run.expect_code(1);
    assert_eq!(at(&report, "deploy/serving.yaml"), [("parse-error".to_string(), 6, 5)]);
    assert_eq!(report.only("deploy/serving.yaml", "parse-error").kind.as_deref(), Some("deployment-config"));
    assert_eq!(at(&report, "ops/llm.yaml"), [("parse-error".to_string(), 5, 1)]);
    // At the trailing comma.
    assert_eq!(at(&report, "bom.json"), [("parse-error".to_string(), 3, 23)]);
    assert_eq!(report.only("bom.json", "parse-error").kind.as_deref(), Some("model-card"));
    assert_eq!(at(&report, "sbom/ml.json"), [("parse-error".to_string(), 1, 1)]);
    assert_eq!(at(&report, "data/meta.json"), [("parse-error".to_string(), 3, 14)]);
    assert_eq!(report.only("data/meta.json", "parse-error").kind.as_deref(), Some("dataset-manifest"));
    assert_eq!(at(&report, "models/m/manifest.yaml"), [("parse-error".to_string(), 4, 1)]);
    assert_eq!(at(&report, "models/m/README.md"), [("parse-error".to_string(), 1, 1)]);
    assert!(report.only("models/m/README.md", "parse-error").message.contains("never closed"));
    for skipped in ["web/tsconfig.json", "chart/templates/deploy.yaml", "docs/README.md"] {
        assert!(report.in_file(skipped).is_empty(), "{skipped}: {:?}", report.in_file(skipped));
        assert!(run.skip_reason(skipped).is_some(), "{skipped} is not listed as skipped:\n{}", run.stderr);
    }
    assert!(run.skip_reason("chart/templates/deploy.yaml").unwrap().contains("Helm chart template"));
}

#[test]
fn an_oversized_file_found_by_the_walk_is_a_finding() {
    let (_t, root) = tempdir();
    write(&root, "govlint.yaml", "limits:\n  max_file_size: 1000\n");
    // A Deployment padded with comments, where nothing in its place names it.
    let padded = format!("{}apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: llm\n", "# padding\n".repeat(200));
    write(&root, "ops/llm.yaml", &padded);
    write(&root, "models/m/README.md", &format!("---\nlicense: mit\n---\n{}", "text ".repeat(300)));
    // A JSON file whose first bytes are a BOM's, and one that is data.
    write(&root, "sbom.json", &format!("{{\"bomFormat\": \"CycloneDX\", \"components\": [{}]}}", "{}, ".repeat(400)));
    write(&root, "data/train.json", &format!("[{}1]", "1, ".repeat(600)));

    let (run, report) = check(&root);
    run.expect_code(1);
    for file in ["ops/llm.yaml", "models/m/README.md", "sbom.json"] {
        let d = report.only(file, "limit-exceeded");
        assert_eq!(d.severity, "error", "{file}");
        assert!(d.message.contains("larger than the 1000 byte limit"), "{file}: {}", d.message);
    }
    // Data that shows no sign of an artifact is not checked, and says so without failing.
    assert_eq!(report.only("data/train.json", "limit-exceeded").severity, "note");
}

#[test]
fn a_duplicated_key_is_reported_whatever_the_order_of_its_values() {
    let (_t, root) = tempdir();
    let bom = |types: [&str; 2]| {
        format!(
            "{{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{{\"type\": \"{}\", \"type\": \"{}\", \"name\": \"m\"}}]}}\n",
            types[0], types[1]
        )
    };
    write(&root, "a.json", &bom(["library", "machine-learning-model"]));
    write(&root, "b.json", &bom(["machine-learning-model", "library"]));
    // A Kubernetes object whose first `kind` is not a string.
    write(&root, "c.yaml", "apiVersion: v1\nkind: 3\nkind: Pod\nmetadata: {name: x}\n");
    let (run, report) = check(&root);
    run.expect_code(1);
    for (file, column) in [("a.json", 85), ("b.json", 100)] {
        let d = report.only(file, "duplicate-key");
        assert_eq!((d.line, d.column), (1, column), "{file}");
        assert!(run.checked().iter().any(|(f, _, kind, _)| f == file && kind == "model-card"), "{file}:\n{}", run.stderr);
    }
    assert_eq!(report.only("c.yaml", "duplicate-key").line, 3);
}

/// A field of the wrong type is the schema check's to report: no rule fails on it, and no odd
/// file keeps the repository rules from judging the others. Each file below holds a value of
/// the wrong type where a rule or the repository rules' helpers read one (found by mutating the
/// example repository's fields one by one); beside them, a Deployment serving a Hub model no
/// card describes. Both ways of running the repository rules (beside the files' checks, and
/// after them) are held to it.
#[test]
fn fields_of_the_wrong_type_fail_no_rule() {
    let (_t, root) = tempdir();
    write(&root, "compose/docker-compose.yaml", "services: 7\n");
    write(&root, "kserve/isvc.yaml", "apiVersion: serving.kserve.io/v1beta1\nkind: InferenceService\nmetadata: {name: m}\nspec: {predictor: 7}\n");
    write(
        &root,
        "kserve/manifest.yaml",
        "apiVersion: govlint.dev/v1\nkind: DeploymentManifest\nmetadata: {name: m}\ngovernance:\n  service: 7\n  model: {name: acme/m, revision: 0123456789abcdef0123456789abcdef01234567}\n  security_assessment: {date: 2026-01-01, model_version: x, clauses: true}\n",
    );
    write(&root, "models/m/README.md", "---\nlicense: apache-2.0\ngovernance:\n  evaluation: {safety: {refusal: 7}}\n---\n# m\n");
    write(&root, "models/m/bom.json", "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{\"type\": \"machine-learning-model\", \"group\": 7, \"name\": [\"x\"]}]}\n");
    write(
        &root,
        "data/croissant.json",
        "{\"@context\": {\"@vocab\": \"https://schema.org/\", \"cr\": \"http://mlcommons.org/croissant/\"}, \"@type\": \"Dataset\", \"name\": \"d\", \"distribution\": [{\"@type\": \"cr:FileObject\", \"@id\": \"f\", \"encodingFormat\": [\"text/plain\", \"https://example.org/arff\"], \"sha256\": 7}]}\n",
    );
    write(&root, "data/manifest.yaml", "apiVersion: govlint.dev/v1\nkind: DatasetManifest\nmetadata: {name: d2}\ngovernance: {personal_information: 7, annotation: [x], drift_monitoring: true}\n");
    write(
        &root,
        "deploy/server.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: server}\nspec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n          image: vllm/vllm-openai:latest\n          args: [\"--model\", \"acme/unknown\"]\n          env:\n            - {name: 123, value: x}\n",
    );
    for jobs in ["1", "2"] {
        let (run, report) = check_json(&root, &["-j", jobs, "."]);
        run.expect_code(1);
        let failed: Vec<String> = report.diagnostics.iter().filter(|d| d.rule == "policy-error").map(|d| format!("{}: {}", d.file, d.message)).collect();
        assert!(failed.is_empty(), "-j {jobs}: {failed:#?}");
        // The rules still judge what they can read: the image of the container with an odd
        // env name, and the repository rules the model that container serves.
        let server = report.in_file("deploy/server.yaml");
        for rule in ["DP013", "XR001"] {
            assert!(server.iter().any(|d| d.rule == rule), "-j {jobs}: no {rule} in {server:#?}");
        }
    }
}

/// The DP017 findings of `file` (the bundled rule on pod and container security), as (line,
/// message).
fn dp017(report: &Report, file: &str) -> Vec<(usize, String)> {
    report.in_file(file).into_iter().filter(|d| d.rule == "DP017").map(|d| (d.line, d.message.clone())).collect()
}

#[test]
fn kubernetes_booleans_are_read_as_kubectl_reads_them() {
    let (_t, root) = tempdir();
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: YES\n      securityContext: {runAsNonRoot: true, runAsUser: 1000}\n      containers:\n        - name: a\n          image: x\n          securityContext: {privileged: yes}\n        - name: b\n          image: x\n          securityContext: {allowPrivilegeEscalation: On}\n        - name: c\n          image: x\n          securityContext: {privileged: true}\n        - name: d\n          image: x\n          securityContext: {privileged: \"yes\"}\n";
    write(&root, "deploy/web.yaml", text);
    let (run, report) = check_json(&root, &["deploy/web.yaml"]);
    run.expect_code(1);
    // `yes`, `On`, `YES` and `true` are true for kubectl; a quoted "yes" is a string.
    assert_eq!(
        dp017(&report, "deploy/web.yaml"),
        [
            (8, "the pod shares the host's namespace: hostNetwork is true".to_string()),
            (13, "container `a` is privileged (securityContext.privileged: true)".to_string()),
            (16, "container `b` allows privilege escalation (securityContext.allowPrivilegeEscalation: true)".to_string()),
            (19, "container `c` is privileged (securityContext.privileged: true)".to_string()),
        ]
    );
    // Neither is `On` a type error: the schema check sees the boolean kubectl sees.
    assert!(report.in_file("deploy/web.yaml").iter().all(|d| d.rule != "schema"), "{:#?}", report.diagnostics);
}

#[test]
fn compose_booleans_are_read_as_docker_compose_casts_them() {
    let (_t, root) = tempdir();
    let service = |name: &str, privileged: &str| format!("  {name}:\n    image: x\n    user: \"1000\"\n    privileged: {privileged}\n");
    let text = ["services:\n".to_string(), service("a", "\"true\""), service("b", "yes"), service("c", "\"${PRIVILEGED:-On}\""), service("d", "${PRIVILEGED}"), service("e", "\"false\"")].concat();
    write(&root, "docker-compose.yaml", &text);
    let (run, report) = check_json(&root, &["docker-compose.yaml"]);
    run.expect_code(1);
    // Compose casts the text at a boolean field, after putting in a variable's default: a
    // quoted "true", a plain `yes` and a default of `On` all run privileged. Without a default
    // the file does not say.
    assert_eq!(
        dp017(&report, "docker-compose.yaml"),
        [(5, "service `a` is privileged".to_string()), (9, "service `b` is privileged".to_string()), (13, "service `c` is privileged".to_string())]
    );
    assert!(report.in_file("docker-compose.yaml").iter().all(|d| d.rule != "schema"), "{:#?}", report.diagnostics);
}

#[test]
fn compose_images_are_read_with_their_variables_defaults() {
    let (_t, root) = tempdir();
    let digest = "sha256:4f0d4a0c5e8c2b2a0c9f7f3b3a2d6e8f1a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d";
    let service = |name: &str, image: &str| format!("  {name}:\n    image: \"{image}\"\n");
    let text = [
        "services:\n".to_string(),
        service("pinned", &format!("${{IMAGE:-vllm/vllm-openai@{digest}}}")),
        service("tagged", "vllm/vllm-openai:${TAG:-latest}"),
        service("nested", "${IMAGE:-vllm/vllm-openai:${TAG-v0.6.3}}"),
        service("unset", "${IMAGE}"),
        service("required", "vllm/vllm-openai@${DIGEST:?set the digest}"),
    ]
    .concat();
    write(&root, "docker-compose.yaml", &text);
    let (run, report) = check_json(&root, &["--select", "DP013", "docker-compose.yaml"]);
    run.expect_code(1);
    // Compose runs the default where the variable is not set: a pinned default is pinned, and
    // a tag in a default is the tag that runs. A reference without a default names no image.
    let found: Vec<(usize, usize, &str)> = report.in_file("docker-compose.yaml").iter().map(|d| (d.line, d.column, d.message.as_str())).collect();
    assert_eq!(
        found,
        [
            (5, 12, "image `vllm/vllm-openai:latest` of container `tagged` uses the `latest` tag, not a digest"),
            (7, 12, "image `vllm/vllm-openai:v0.6.3` of container `nested` uses the tag `v0.6.3`, not a digest"),
            (9, 12, "image `${IMAGE}` of container `unset` is set by a variable or template, so the file does not pin it"),
            (11, 12, "image `vllm/vllm-openai@${DIGEST:?set the digest}` of container `required` is set by a variable or template, so the file does not pin it"),
        ]
    );
}

#[test]
fn compose_monitoring_services_are_not_held_to_the_serving_rules() {
    let (_t, root) = tempdir();
    // A monitoring stack on the host network (LMDeploy's, from SGLang's example): no service
    // serves a model.
    write(&root, "monitoring/docker-compose.yaml", "services:\n  prometheus:\n    image: prom/prometheus:latest\n    network_mode: host\n  grafana:\n    image: grafana/grafana:latest\n    network_mode: host\n");
    // A model server that publishes nothing beside a dashboard that does: the server serves.
    write(&root, "serving/docker-compose.yaml", "services:\n  vllm:\n    image: vllm/vllm-openai:latest\n    network_mode: host\n  grafana:\n    image: grafana/grafana:latest\n    ports: [\"3000:3000\"]\n");
    let (run, report) = check_json(&root, &["--select", "DP013,DP014,DP015", "."]);
    run.expect_code(1);
    let rules = |file: &str| report.in_file(file).iter().map(|d| format!("{} {}", d.rule, d.message.split_whitespace().take(2).collect::<Vec<_>>().join(" "))).collect::<std::collections::BTreeSet<_>>();
    // Image pinning holds every container; probes and resources only the serving ones.
    assert_eq!(rules("monitoring/docker-compose.yaml"), ["DP013 image `prom/prometheus:latest`", "DP013 image `grafana/grafana:latest`"].map(String::from).into_iter().collect());
    assert_eq!(
        rules("serving/docker-compose.yaml"),
        ["DP013 image `vllm/vllm-openai:latest`", "DP013 image `grafana/grafana:latest`", "DP014 service `vllm`", "DP015 service `vllm`"].map(String::from).into_iter().collect()
    );
}

#[test]
fn each_item_of_a_kubernetes_list_is_checked_where_it_is() {
    let (_t, root) = tempdir();
    let text = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: web}\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: web}\n    spec:\n      template:\n        spec:\n          securityContext: {runAsNonRoot: true, runAsUser: 1000}\n          containers:\n            - name: app\n              image: x\n              securityContext: {privileged: true}\n";
    write(&root, "cluster.yaml", text);
    let (run, report) = check_json(&root, &["-v", "cluster.yaml"]);
    run.expect_code(1);
    let d = report.in_file("cluster.yaml").into_iter().find(|d| d.rule == "DP017").unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert_eq!((d.line, d.column), (17, 45));
    assert_eq!(d.pointer.as_deref(), Some("/items/1/spec/template/spec/containers/0/securityContext/privileged"));
    assert_eq!((d.document, d.kind.as_deref()), (Some(0), Some("deployment-config")));
    // Each item is a document of its own kind; the list itself is none.
    let checked: Vec<String> = run.checked().into_iter().map(|(_, _, _, format)| format).collect();
    assert_eq!(checked, ["kubernetes", "kubernetes"], "{}", run.stderr);
    assert!(run.stderr.contains("item 2 of a `List`"), "{}", run.stderr);
}
