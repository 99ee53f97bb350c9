package govlint.rules.dp013_test

import data.govlint.rules.dp013
import rego.v1

k8s := {"format": "kubernetes"}

digest := "sha256:4f0d4a0c5e8c2b2a0c9f7f3b3a2d6e8f1a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d"

deployment(image) := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "server", "image": image}]}}}}

test_tag_fires if {
	r := dp013.deny with input as deployment("vllm/vllm-openai:latest") with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "image"]
	contains(f.msg, "`latest` tag")
}

test_version_tag_fires if {
	r := dp013.deny with input as deployment("nvcr.io/nvidia/tritonserver:22.01-py3") with data.govlint.file as k8s
	some f in r
	contains(f.msg, "the tag `22.01-py3`")
}

test_no_tag_fires if {
	r := dp013.deny with input as deployment("localhost:5000/models/server") with data.govlint.file as k8s
	some f in r
	contains(f.msg, "no tag or digest")
}

test_malformed_digest_fires if {
	r := dp013.deny with input as deployment("vllm/vllm-openai@sha256:abc") with data.govlint.file as k8s
	some f in r
	contains(f.msg, "malformed digest")
}

test_variable_or_template_fires_as_unpinned if {
	every ref in ["${VLLM_IMAGE}", "$VLLM_IMAGE", "vllm/vllm-openai:${TAG}", "{{ .Values.image }}", "vllm/vllm-openai@${DIGEST}"] {
		msgs := {f.msg | some f in dp013.deny with input as deployment(ref) with data.govlint.file as k8s}
		msgs == {sprintf("image `%s` of container `server` is set by a variable or template, so the file does not pin it", [ref])}
	}
}

test_variable_before_a_digest_is_pinned if {
	count(dp013.deny) == 0 with input as deployment(concat("@", ["${REGISTRY}/vllm-openai", digest])) with data.govlint.file as k8s
}

test_digest_is_quiet if {
	count(dp013.deny) == 0 with input as deployment(concat("@", ["vllm/vllm-openai", digest])) with data.govlint.file as k8s
	count(dp013.deny) == 0 with input as deployment(concat("@", ["vllm/vllm-openai:v0.6.3", digest])) with data.govlint.file as k8s
}

test_init_container_fires if {
	pod := {"apiVersion": "v1", "kind": "Pod", "spec": {"initContainers": [{"name": "fetch", "image": "busybox"}], "containers": []}}
	r := dp013.deny with input as pod with data.govlint.file as k8s
	some f in r
	f.path == ["spec", "initContainers", 0, "image"]
}

test_kserve_predictor_container_fires if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"containers": [{"name": "kserve-container", "image": "ray:latest"}]}}}
	count(dp013.deny) == 1 with input as isvc with data.govlint.file as k8s
}

test_kserve_shorthand_without_image_is_quiet if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"model": {"modelFormat": {"name": "huggingface"}, "storageUri": "hf://org/model"}}}}
	count(dp013.deny) == 0 with input as isvc with data.govlint.file as k8s
}

test_kserve_legacy_custom_container_fires if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"transformer": {"custom": {"container": {"image": "my-transformer:latest"}}}}}
	r := dp013.deny with input as isvc with data.govlint.file as k8s
	some f in r
	f.path == ["spec", "transformer", "custom", "container", "image"]
}

test_compose_service_fires if {
	compose := {"services": {"api": {"image": "ollama/ollama"}}}
	r := dp013.deny with input as compose with data.govlint.file as {"format": "compose"}
	count(r) == 1
	some f in r
	f.path == ["services", "api", "image"]
}

test_compose_build_only_is_quiet if {
	compose := {"services": {"api": {"build": "."}}}
	count(dp013.deny) == 0 with input as compose with data.govlint.file as {"format": "compose"}
}

helm := {"format": "helm-values"}

test_helm_image_object_fires if {
	values := {"image": {"repository": "vllm/vllm-openai", "tag": "latest"}}
	r := dp013.deny with input as values with data.govlint.file as helm
	count(r) == 1
	some f in r
	f.path == ["image", "tag"]
	contains(f.msg, "`vllm/vllm-openai:latest`")
}

test_helm_digest_field_is_quiet if {
	values := {"image": {"repository": "registry.example/gw", "digest": digest, "tag": "1.2.0"}}
	count(dp013.deny) == 0 with input as values with data.govlint.file as helm
}

test_helm_repository_tag_pair_fires if {
	values := {"routerSpec": {"enableRouter": true, "repository": "lmcache/lmstack-router", "tag": "pd"}}
	r := dp013.deny with input as values with data.govlint.file as helm
	some f in r
	f.path == ["routerSpec", "tag"]
}

test_helm_disabled_sections_are_quiet if {
	values := {
		"cacheserverSpec": {"enabled": false, "image": {"repository": "lmcache/vllm-openai", "tag": "latest"}},
		"loraController": {"enableLoraController": false, "image": {"repository": "x/ctl", "tag": "latest"}},
		"modelSpec": [{"enabled": false, "repository": "x/model", "tag": "latest"}],
	}
	count(dp013.deny) == 0 with input as values with data.govlint.file as helm
}

test_helm_image_string_fires if {
	values := {"sidecar": {"image": "lmcache/lmstack-sidecar:latest"}}
	r := dp013.deny with input as values with data.govlint.file as helm
	some f in r
	f.path == ["sidecar", "image"]
}

test_native_manifest_is_quiet if {
	native := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}}
	count(dp013.deny) == 0 with input as native with data.govlint.file as {"format": "native"}
}

test_evidence_is_an_image_reference if {
	dp013.evidence with input as deployment(sprintf("vllm/vllm-openai@%s", [digest])) with data.govlint.file as k8s
	dp013.evidence with input as {"image": {"repository": "vllm/vllm-openai", "tag": "v1"}} with data.govlint.file as helm
	not dp013.evidence with input as {"replicaCount": 2} with data.govlint.file as helm
	count(dp013.no_subject) == 0 with input as {"replicaCount": 2} with data.govlint.file as helm
}

test_documents_without_images_are_no_subject if {
	count(dp013.no_subject) == 1 with input as {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}} with data.govlint.file as k8s
	count(dp013.no_subject) == 1 with input as {"services": {"api": {"build": "."}}} with data.govlint.file as {"format": "compose"}
	count(dp013.no_subject) == 1 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}} with data.govlint.file as {"format": "native"}
}
