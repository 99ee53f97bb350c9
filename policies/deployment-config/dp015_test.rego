package govlint.rules.dp015_test

import data.govlint.rules.dp015
import rego.v1

k8s := {"format": "kubernetes"}

probe := {"httpGet": {"path": "/health", "port": 8000}}

deployment(c) := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": [c]}}}}

test_both_probes_are_quiet if {
	c := {"name": "vllm", "image": "x", "readinessProbe": probe, "livenessProbe": probe}
	count(dp015.deny) == 0 with input as deployment(c) with data.govlint.file as k8s
}

test_missing_probes_fire if {
	r := dp015.deny with input as deployment({"name": "vllm", "image": "x", "startupProbe": probe}) with data.govlint.file as k8s
	count(r) == 2
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "readinessProbe"]
}

test_missing_readiness_fires if {
	r := dp015.deny with input as deployment({"name": "sglang", "image": "x", "livenessProbe": probe}) with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "readinessProbe"]
}

test_jobs_are_not_checked if {
	job := {"apiVersion": "batch/v1", "kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {"containers": [{"name": "eval", "image": "x"}]}}}}}}
	count(dp015.deny) == 0 with input as job with data.govlint.file as k8s
}

test_kserve_container_needs_liveness_only if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"containers": [{"name": "kserve-container", "image": "x"}]}}}
	r := dp015.deny with input as isvc with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["spec", "predictor", "containers", 0, "livenessProbe"]
}

test_kserve_shorthand_is_left_to_the_runtime if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"model": {"modelFormat": {"name": "huggingface"}}}}}
	count(dp015.deny) == 0 with input as isvc with data.govlint.file as k8s
}

test_serving_runtime_needs_liveness if {
	rt := {"apiVersion": "serving.kserve.io/v1alpha1", "kind": "ClusterServingRuntime", "spec": {"containers": [{"name": "kserve-container", "image": "x"}]}}
	count(dp015.deny) == 1 with input as rt with data.govlint.file as k8s
}

test_llmisvc_main_is_supplied if {
	llm := {"apiVersion": "serving.kserve.io/v1alpha1", "kind": "LLMInferenceService", "spec": {"template": {"containers": [{"name": "main"}]}}}
	count(dp015.deny) == 0 with input as llm with data.govlint.file as k8s
}

compose := {"format": "compose"}

test_compose_healthcheck if {
	ok := {"services": {"api": {"image": "x", "ports": ["8000:8000"], "healthcheck": {"test": ["CMD", "curl", "-f", "http://localhost:8000/health"]}}}}
	count(dp015.deny) == 0 with input as ok with data.govlint.file as compose
	missing := {"services": {"api": {"image": "x", "ports": ["8000:8000"]}, "worker": {"image": "y"}}}
	r := dp015.deny with input as missing with data.govlint.file as compose
	count(r) == 1
	some f in r
	f.path == ["services", "api", "healthcheck"]
	disabled := {"services": {"api": {"image": "x", "healthcheck": {"disable": true}}}}
	count(dp015.deny) == 1 with input as disabled with data.govlint.file as compose
}

helm := {"format": "helm-values"}

test_helm_exposed_probes if {
	ok := {"image": {"repository": "x", "tag": "1"}, "readinessProbe": probe, "livenessProbe": probe}
	count(dp015.deny) == 0 with input as ok with data.govlint.file as helm
	none := {"image": {"repository": "x", "tag": "1"}}
	count(dp015.deny) == 0 with input as none with data.govlint.file as helm
	half := {"image": {"repository": "x", "tag": "1"}, "livenessProbe": probe}
	r := dp015.deny with input as half with data.govlint.file as helm
	count(r) == 1
	some f in r
	f.path == ["readinessProbe"]
}

test_native_manifest_is_quiet if {
	count(dp015.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}}
		with data.govlint.file as {"format": "native"}
}

test_evidence_is_a_serving_container if {
	dp015.evidence with input as deployment({"name": "s", "image": "x", "readinessProbe": probe, "livenessProbe": probe}) with data.govlint.file as {"format": "kubernetes"}
	not dp015.evidence with input as {"image": {"repository": "x", "tag": "1"}} with data.govlint.file as helm
}

test_documents_without_serving_containers_are_no_subject if {
	count(dp015.no_subject) == 1 with input as {"apiVersion": "v1", "kind": "ConfigMap"} with data.govlint.file as {"format": "kubernetes"}
}

# A container without a name is named by its place in the message.
test_unnamed_container_is_named_by_its_index if {
	r := dp015.deny with input as deployment({"image": "vllm/vllm-openai:v0.6.0", "name": ""}) with data.govlint.file as k8s
	count(r) == 2
	every f in r {
		startswith(f.msg, "container `containers[0]` has no")
	}
}

test_data_stores_and_monitoring_are_not_serving if {
	every image in ["redis:7", "docker.io/bitnami/postgresql:16", "minio/minio:RELEASE.2024", "quay.io/coreos/etcd:v3.5", "prom/prometheus:v2"] {
		count(dp015.deny) == 0 with input as deployment({"name": "store", "image": image, "ports": [{"containerPort": 6379}]}) with data.govlint.file as k8s
	}
	# Not a whole word of the image: still held.
	count(dp015.deny) == 2 with input as deployment({"name": "api", "image": "acme/redisearch-gateway:1", "ports": [{"containerPort": 80}]}) with data.govlint.file as k8s
}
