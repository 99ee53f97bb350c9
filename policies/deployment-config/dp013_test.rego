package govlint.rules.dp013_test

import data.govlint.rules.dp013
import rego.v1

k8s := {"format": "kubernetes"}

deployment(image) := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "server", "image": image}]}}}}

test_tag_fires if {
	r := dp013.deny with input as deployment("vllm/vllm-openai:latest") with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "image"]
}

test_digest_is_quiet if {
	count(dp013.deny) == 0 with input as deployment("vllm/vllm-openai@sha256:4f0d4a0c5e8c2b2a0c9f7f3b3a2d6e8f1a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d") with data.govlint.file as k8s
}

test_kserve_predictor_container_fires if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"containers": [{"name": "kserve-container", "image": "ray:latest"}]}}}
	count(dp013.deny) == 1 with input as isvc with data.govlint.file as k8s
}

test_compose_service_fires if {
	compose := {"services": {"api": {"image": "ollama/ollama"}}}
	count(dp013.deny) == 1 with input as compose with data.govlint.file as {"format": "compose"}
}

test_native_manifest_is_quiet if {
	native := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}}
	count(dp013.deny) == 0 with input as native with data.govlint.file as {"format": "native"}
}
