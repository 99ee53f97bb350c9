package govlint.repository.xr001_test

import data.govlint.repository.xr001
import rego.v1

params := {"xr001": {"unpinned_revisions": ["main", "latest"]}}

native_card := {"path": "models/acme-chat-7b/model-card.yaml", "kind": "model-card", "format": "native", "index": 0, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "acme-chat-7b"},
	"governance": {"model_id": "acme/acme-chat-7b"},
}}

hf_card := {"path": "models/llama/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
	"license": "llama2", "model-index": [{"name": "Llama-2-7b-chat-hf", "results": []}],
}}

manifest(model) := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 1, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
	"governance": {"model": model},
}}

deployment(args, env) := {"path": "deploy/k8s.yaml", "kind": "deployment-config", "format": "kubernetes", "index": 0, "document": {
	"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "llm"},
	"spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "vllm/vllm-openai", "args": args, "env": env}]}}},
}}

run(artifacts) := r if {
	r := xr001.deny with input as {"artifacts": artifacts} with data.govlint.params as params
}

# --- native DeploymentManifest

test_manifest_with_card_and_revision_is_quiet if {
	count(run([native_card, manifest({"name": "acme-chat-7b", "revision": "1.2.0"})])) == 0
}

test_manifest_by_model_id_and_card_path_is_quiet if {
	count(run([native_card, manifest({"name": "acme/acme-chat-7b", "revision": "a09a354", "card": "./models/acme-chat-7b/model-card.yaml"})])) == 0
}

test_manifest_without_card_fires_at_the_name if {
	r := run([hf_card, manifest({"name": "acme-chat-7b", "revision": "1.2.0"})])
	count(r) == 1
	some f in r
	f.file == "deploy/app.yaml"
	f.index == 1
	f.path == ["governance", "model", "name"]
}

test_manifest_with_missing_card_path_fires if {
	r := run([native_card, manifest({"name": "acme-chat-7b", "revision": "1.2.0", "card": "models/other/card.yaml"})])
	count(r) == 1
	some f in r
	f.path == ["governance", "model", "card"]
}

# A card path is looked up by its last two segments, then matched whole: another card that
# ends the same way is not the one named.
test_manifest_card_path_matches_whole_tail if {
	other := object.union(native_card, {"path": "team-b/models/acme-chat-7b/model-card.yaml"})
	mine := object.union(native_card, {"path": "team-a/models/acme-chat-7b/model-card.yaml"})
	count(run([other, mine, manifest({"name": "acme-chat-7b", "revision": "1.2.0", "card": "team-a/models/acme-chat-7b/model-card.yaml"})])) == 0
	r := run([other, manifest({"name": "acme-chat-7b", "revision": "1.2.0", "card": "team-a/models/acme-chat-7b/model-card.yaml"})])
	count(r) == 1
	some f in r
	f.path == ["governance", "model", "card"]
}

# A path of one segment names every card file of that name.
test_manifest_card_path_of_one_segment if {
	count(run([native_card, manifest({"name": "acme-chat-7b", "revision": "1.2.0", "card": "model-card.yaml"})])) == 0
	count(run([native_card, manifest({"name": "acme-chat-7b", "revision": "1.2.0", "card": "card.yaml"})])) == 1
}

test_manifest_without_revision_fires if {
	r := run([native_card, manifest({"name": "acme-chat-7b"})])
	count(r) == 1
	some f in r
	f.path == ["governance", "model", "revision"]
}

test_manifest_with_moving_revision_fires if {
	r := run([native_card, manifest({"name": "acme-chat-7b", "revision": "main"})])
	count(r) == 1
	some f in r
	contains(f.msg, "moving")
}

test_manifest_naming_nothing_fires if {
	r := run([native_card, manifest({})])
	count(r) == 1
	some f in r
	f.path == ["governance", "model"]
}

# --- Kubernetes workloads

# One reference, two faults: one finding, which says both.
test_vllm_hub_model_without_card_or_revision_fires_once_saying_both if {
	r := run([native_card, deployment(["--model", "meta-llama/Llama-3.2-1B-Instruct", "--port", "8000"], [])])
	count(r) == 1
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "args", 1]
	f.file == "deploy/k8s.yaml"
	contains(f.msg, "without a pinned revision, and no model card")
}

# With its card present, the pin alone is reported.
test_vllm_hub_model_with_card_without_revision_fires_for_the_pin if {
	r := run([hf_card, deployment(["--model", "meta-llama/Llama-2-7b-chat-hf"], [])])
	count(r) == 1
	some f in r
	endswith(f.msg, "without a pinned revision")
}

test_vllm_hub_model_with_card_and_revision_is_quiet if {
	count(run([hf_card, deployment(["--model=meta-llama/Llama-2-7b-chat-hf", "--revision", "08751db2aca9bf2f7f80d2e516117a53d7450235"], [])])) == 0
}

test_revision_from_env_counts if {
	count(run([hf_card, deployment([], [{"name": "MODEL_ID", "value": "meta-llama/Llama-2-7b-chat-hf"}, {"name": "REVISION", "value": "08751db"}])])) == 0
}

test_model_id_from_configmap_is_resolved if {
	cm := {"path": "deploy/k8s.yaml", "kind": "deployment-config", "format": "kubernetes", "index": 1, "document": {
		"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg"}, "data": {"MODEL_ID": "BAAI/bge-m3"},
	}}
	d := deployment(["--model-id", "$(MODEL_ID)"], [])
	d2 := object.union(d, {"document": {"spec": {"template": {"spec": {"containers": [object.union(d.document.spec.template.spec.containers[0], {"envFrom": [{"configMapRef": {"name": "cfg"}}]})]}}}}})
	r := run([native_card, cm, d2])
	count(r) == 1
	some f in r
	contains(f.msg, "`BAAI/bge-m3`")
	f.path == ["spec", "template", "spec", "containers", 0, "args", 1]
}

test_local_path_matches_card_by_directory_name if {
	count(run([native_card, deployment(["--model", "/models/acme-chat-7b", "--served-model-name", "acme-chat-7b"], [])])) == 0
}

test_unnamed_local_path_fires_with_a_hint if {
	r := run([native_card, deployment(["--model", "/mnt/models"], [])])
	count(r) == 1
	some f in r
	contains(f.msg, "--served-model-name")
}

test_workload_without_model_is_not_a_serving_workload if {
	count(run([native_card, deployment(["--port", "8080"], [])])) == 0
}

isvc(predictor) := {"path": "deploy/isvc.yaml", "kind": "deployment-config", "format": "kubernetes", "index": 0, "document": {
	"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "metadata": {"name": "chat", "namespace": "llm"},
	"spec": {"predictor": predictor},
}}

test_kserve_hf_uri_with_revision_and_card_is_quiet if {
	count(run([hf_card, isvc({"model": {"modelFormat": {"name": "huggingface"}, "storageUri": "hf://meta-llama/Llama-2-7b-chat-hf:08751db", "args": ["--model_dir=/mnt/models"]}})])) == 0
}

test_kserve_hf_uri_without_revision_fires_at_storage_uri if {
	r := run([hf_card, isvc({"model": {"modelFormat": {"name": "huggingface"}, "storageUri": "hf://meta-llama/Llama-2-7b-chat-hf"}})])
	count(r) == 1
	some f in r
	f.path == ["spec", "predictor", "model", "storageUri"]
}

test_kserve_without_model_fires if {
	r := run([native_card, isvc({"containers": [{"name": "kserve-container", "image": "x"}]})])
	count(r) == 1
	some f in r
	f.path == []
}

test_llm_inference_service_reads_spec_model if {
	llmisvc := {"path": "deploy/llmisvc.yaml", "kind": "deployment-config", "format": "kubernetes", "index": 0, "document": {
		"apiVersion": "serving.kserve.io/v1alpha2", "kind": "LLMInferenceService", "metadata": {"name": "qwen"},
		"spec": {"model": {"uri": "hf://Qwen/Qwen2.5-7B-Instruct", "name": "Qwen/Qwen2.5-7B-Instruct"}},
	}}
	r := run([native_card, llmisvc])
	count(r) == 1
	{f.path | some f in r} == {["spec", "model", "uri"]}
}

test_workload_governed_by_a_manifest_is_skipped if {
	m := manifest({"name": "acme-chat-7b", "revision": "1.2.0"})
	m2 := object.union(m, {"document": {"governance": {"targets": [{"kind": "InferenceService", "name": "chat", "namespace": "llm", "path": "deploy/isvc.yaml"}]}}})
	count(run([native_card, m2, isvc({"model": {"storageUri": "s3://bucket/unknown-model"}})])) == 0
}

test_manifest_without_model_uses_targeted_workloads if {
	m := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 0, "document": {
		"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
		"governance": {"targets": [{"kind": "InferenceService", "name": "chat"}]},
	}}
	r := run([native_card, m, isvc({"model": {"storageUri": "s3://bucket/acme-chat-7b/1.2.0/"}})])
	count(r) == 0
}

# --- compose and Helm values

test_compose_service_matches_card if {
	compose := {"path": "deploy/docker-compose.yaml", "kind": "deployment-config", "format": "compose", "index": 0, "document": {"services": {
		"vllm": {"image": "vllm/vllm-openai", "command": "--model /models/acme-chat-7b --max-model-len 32768"},
		"prometheus": {"image": "prom/prometheus"},
	}}}
	count(run([native_card, compose])) == 0
}

test_compose_service_with_hub_model_fires if {
	compose := {"path": "deploy/docker-compose.yaml", "kind": "deployment-config", "format": "compose", "index": 0, "document": {"services": {
		"tgi": {"image": "ghcr.io/huggingface/text-generation-inference", "environment": ["MODEL_ID=google/gemma-2-9b-it"]},
	}}}
	r := run([native_card, compose])
	count(r) == 1
	{f.path | some f in r} == {["services", "tgi", "environment", 0]}
}

test_production_stack_values if {
	values := {"path": "deploy/values.yaml", "kind": "deployment-config", "format": "helm-values", "index": 0, "document": {"servingEngineSpec": {"modelSpec": [
		{"name": "llama", "modelURL": "meta-llama/Llama-2-7b-chat-hf", "modelRevision": "08751db"},
		{"name": "mistral", "modelURL": "mistralai/Mistral-7B-Instruct-v0.2", "modelRevision": ""},
		{"name": "example", "enabled": false, "modelURL": "mistralai/Mistral-7B-Instruct-v0.2"},
	]}}}
	r := run([hf_card, values])
	count(r) == 1
	{f.path | some f in r} == {["servingEngineSpec", "modelSpec", 1, "modelURL"]}
}

test_helm_values_vllm_serve_command if {
	values := {"path": "deploy/chart/values.yaml", "kind": "deployment-config", "format": "helm-values", "index": 0, "document": {"image": {
		"command": ["vllm", "serve", "/data/", "--served-model-name", "opt-125m"],
	}}}
	r := run([native_card, values])
	count(r) == 1
	some f in r
	f.path == ["image", "command", 4]
}

test_hub_card_is_named_by_its_own_license_link if {
	qwen := {"path": "models/qwen/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
		"license": "apache-2.0", "license_link": "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/LICENSE", "base_model": "Qwen/Qwen2.5-7B",
	}}
	count(run([qwen, deployment(["--model", "Qwen/Qwen2.5-7B-Instruct", "--revision", "a09a354"], [])])) == 0
}

test_license_link_to_the_base_model_does_not_name_the_card if {
	tune := {"path": "models/tune/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
		"license": "apache-2.0", "license_link": "https://huggingface.co/Qwen/Qwen2.5-7B-Instruct/blob/main/LICENSE", "base_model": "Qwen/Qwen2.5-7B-Instruct",
	}}
	count(run([tune, deployment(["--model", "Qwen/Qwen2.5-7B-Instruct", "--revision", "a09a354"], [])])) == 1
}

test_evidence_is_each_manifest_and_ungoverned_workload_a_card_describes if {
	e := xr001.evidence with input as {"artifacts": [native_card, manifest({"name": "acme-chat-7b", "revision": "1.2.0"}), deployment(["--model", "acme/acme-chat-7b", "--revision", "a09a354"], [])]} with data.govlint.params as params
	e == {{"file": "deploy/app.yaml", "index": 1}, {"file": "deploy/k8s.yaml", "index": 0}}
}

# A storage URI with a variable names no model: no finding, and no evidence either.
test_a_workload_serving_a_variable_lacks_evidence if {
	input_ := {"artifacts": [native_card, deployment(["--model", "s3://${bucket}/models/meta-llama--Meta-Llama-3.1-8B-Instruct"], [])]}
	count(xr001.deny) == 0 with input as input_ with data.govlint.params as params
	count(xr001.evidence) == 0 with input as input_ with data.govlint.params as params
	ne := xr001.no_evidence with input as input_ with data.govlint.params as params
	ne == {{"file": "deploy/k8s.yaml", "index": 0, "reason": "Deployment `llm` serves `s3://${bucket}/models/meta-llama--Meta-Llama-3.1-8B-Instruct`, a template or a variable: which model it is cannot be told from the repository"}}
}
