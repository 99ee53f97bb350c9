package govlint.rules.dp014_test

import data.govlint.rules.dp014
import rego.v1

k8s := {"format": "kubernetes"}

params := {"dp014": {"requests": ["cpu", "memory"], "limits": ["cpu", "memory"]}}

deployment(resources) := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x", "resources": resources}]}}}}

full := {"requests": {"cpu": "8", "memory": "48Gi"}, "limits": {"cpu": "16", "memory": "64Gi", "nvidia.com/gpu": "1"}}

test_full_resources_are_quiet if {
	count(dp014.deny) == 0 with input as deployment(full) with data.govlint.file as k8s with data.govlint.params as params
}

test_gpu_only_fires_once_per_resource if {
	r := dp014.deny with input as deployment({"limits": {"nvidia.com/gpu": 1}}) with data.govlint.file as k8s with data.govlint.params as params
	count(r) == 2
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "limits", "cpu"]
}

test_limit_implies_request if {
	count(dp014.deny) == 0 with input as deployment({"limits": {"cpu": "4", "memory": "16Gi"}}) with data.govlint.file as k8s with data.govlint.params as params
}

test_missing_limit_fires if {
	r := dp014.deny with input as deployment({"requests": {"cpu": "4", "memory": "16Gi"}, "limits": {"memory": "16Gi"}}) with data.govlint.file as k8s with data.govlint.params as params
	count(r) == 1
	some f in r
	contains(f.msg, "no cpu limit")
}

test_limits_are_a_parameter if {
	count(dp014.deny) == 0 with input as deployment({"requests": {"cpu": "4", "memory": "16Gi"}, "limits": {"memory": "16Gi"}}) with data.govlint.file as k8s
		with data.govlint.params as {"dp014": {"requests": ["cpu", "memory"], "limits": ["memory"]}}
}

test_gpu_request_without_limit_fires if {
	res := {"requests": {"cpu": "4", "memory": "16Gi", "nvidia.com/gpu": "1"}, "limits": {"cpu": "4", "memory": "16Gi"}}
	r := dp014.deny with input as deployment(res) with data.govlint.file as k8s with data.govlint.params as params
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "resources", "limits", "nvidia.com/gpu"]
}

test_gpu_nodes_without_gpu_fire if {
	d := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {
		"nodeSelector": {"cloud.google.com/gke-accelerator": "nvidia-l4"},
		"containers": [{"name": "vllm", "image": "x", "resources": {"limits": {"cpu": "4", "memory": "16Gi"}}}],
	}}}}
	r := dp014.deny with input as d with data.govlint.file as k8s with data.govlint.params as params
	count(r) == 1
	some f in r
	contains(f.msg, "gke-accelerator")
}

test_sidecar_without_ports_is_not_serving if {
	d := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": [
		{"name": "vllm", "image": "x", "ports": [{"containerPort": 8000}], "resources": full},
		{"name": "log-shipper", "image": "y"},
	]}}}}
	count(dp014.deny) == 0 with input as d with data.govlint.file as k8s with data.govlint.params as params
}

test_job_is_not_serving if {
	job := {"apiVersion": "batch/v1", "kind": "Job", "spec": {"template": {"spec": {"containers": [{"name": "eval", "image": "x"}]}}}}
	count(dp014.deny) == 0 with input as job with data.govlint.file as k8s with data.govlint.params as params
}

test_kserve_defaults_cpu_and_memory if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"model": {"modelFormat": {"name": "sklearn"}}}}}
	count(dp014.deny) == 0 with input as isvc with data.govlint.file as k8s with data.govlint.params as params
}

test_llmisvc_main_is_checked if {
	llm := {"apiVersion": "serving.kserve.io/v1alpha1", "kind": "LLMInferenceService", "spec": {"template": {"containers": [{"name": "main"}]}}}
	r := dp014.deny with input as llm with data.govlint.file as k8s with data.govlint.params as params
	count(r) == 2
}

compose := {"format": "compose"}

test_compose_limits if {
	ok := {"services": {"api": {"image": "x", "ports": ["8000:8000"], "deploy": {"resources": {"limits": {"cpus": "2", "memory": "4g"}}}}}}
	count(dp014.deny) == 0 with input as ok with data.govlint.file as compose with data.govlint.params as params
	legacy := {"services": {"api": {"image": "x", "cpus": 2, "mem_limit": "4g"}}}
	count(dp014.deny) == 0 with input as legacy with data.govlint.file as compose with data.govlint.params as params
	bad := {"services": {"api": {"image": "x", "deploy": {"resources": {"limits": {"memory": "4g"}}}}}}
	r := dp014.deny with input as bad with data.govlint.file as compose with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["services", "api", "deploy", "resources", "limits", "cpus"]
}

helm := {"format": "helm-values"}

test_helm_resources_block if {
	ok := {"image": {"repository": "x", "tag": "1"}, "resources": full}
	count(dp014.deny) == 0 with input as ok with data.govlint.file as helm with data.govlint.params as params
	empty := {"image": {"repository": "x", "tag": "1"}, "resources": {}}
	r := dp014.deny with input as empty with data.govlint.file as helm with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["resources"]
}

test_helm_without_resources_is_quiet if {
	count(dp014.deny) == 0 with input as {"image": {"repository": "x", "tag": "1"}} with data.govlint.file as helm with data.govlint.params as params
}

test_helm_production_stack_fields if {
	values := {"servingEngineSpec": {"modelSpec": [{"name": "m", "repository": "vllm/vllm-openai", "tag": "v1", "requestCPU": 10, "requestMemory": "16Gi", "requestGPU": 1}]}}
	r := dp014.deny with input as values with data.govlint.file as helm with data.govlint.params as params
	count(r) == 2
	some f in r
	f.path == ["servingEngineSpec", "modelSpec", 0, "limitCPU"]
}

test_native_manifest_is_quiet if {
	count(dp014.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}}
		with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_helm_partial_resources_fire if {
	values := {"routerSpec": {"repository": "lmcache/lmstack-router", "tag": "v1", "resources": {"requests": {"cpu": "400m", "memory": "1000Mi"}, "limits": {"memory": "1000Mi"}}}}
	r := dp014.deny with input as values with data.govlint.file as helm with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["routerSpec", "resources", "limits", "cpu"]
}

test_rollout_and_knative_pods_are_checked if {
	rollout := {"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}
	count(dp014.deny) == 2 with input as rollout with data.govlint.file as k8s with data.govlint.params as params
	ksvc := {"apiVersion": "serving.knative.dev/v1", "kind": "Service", "spec": {"template": {"spec": {"containers": [{"image": "x"}]}}}}
	count(dp014.deny) == 2 with input as ksvc with data.govlint.file as k8s with data.govlint.params as params
	plain_service := {"apiVersion": "v1", "kind": "Service", "spec": {"template": {"spec": {"containers": [{"image": "x"}]}}}}
	count(dp014.deny) == 0 with input as plain_service with data.govlint.file as k8s with data.govlint.params as params
}

test_evidence_is_a_serving_container if {
	dp014.evidence with input as deployment(full) with data.govlint.file as {"format": "kubernetes"} with data.govlint.params as params
	not dp014.evidence with input as {"image": {"repository": "x", "tag": "1"}} with data.govlint.file as helm with data.govlint.params as params
	dp014.evidence with input as {"image": {"repository": "x", "tag": "1"}, "resources": {}} with data.govlint.file as helm with data.govlint.params as params
}

test_documents_without_serving_containers_are_no_subject if {
	job := {"apiVersion": "batch/v1", "kind": "Job", "spec": {"template": {"spec": {"containers": [{"name": "j", "image": "x"}]}}}}
	count(dp014.no_subject) == 1 with input as job with data.govlint.file as {"format": "kubernetes"} with data.govlint.params as params
	count(dp014.no_subject) == 1 with input as {"apiVersion": "v1", "kind": "Service"} with data.govlint.file as {"format": "kubernetes"} with data.govlint.params as params
}

# The serving rules apply to containers that serve a model: a device-plugin DaemonSet and a
# tracing Deployment are not held to them, a vLLM container in the same shapes is.
test_node_agents_and_monitoring_are_not_serving if {
	plugin := {"apiVersion": "apps/v1", "kind": "DaemonSet", "spec": {"template": {"spec": {"containers": [{"name": "nvidia-device-plugin-ctr", "image": "nvcr.io/nvidia/k8s-device-plugin:v0.15.0"}]}}}}
	count(dp014.deny) == 0 with input as plugin with data.govlint.file as k8s with data.govlint.params as params
	jaeger := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": [{"name": "jaeger", "image": "jaegertracing/all-in-one:latest", "ports": [{"containerPort": 16686}]}]}}}}
	count(dp014.deny) == 0 with input as jaeger with data.govlint.file as k8s with data.govlint.params as params
	served := {"apiVersion": "apps/v1", "kind": "DaemonSet", "spec": {"template": {"spec": {"containers": [
		{"name": "app", "image": "ubuntu:22.04", "command": ["vllm", "serve", "/models/m"]},
		{"name": "sidecar", "image": "busybox", "ports": [{"containerPort": 9000}]},
	]}}}}
	r := dp014.deny with input as served with data.govlint.file as k8s with data.govlint.params as params
	count(r) > 0
	every f in r {
		f.path[4] == 0
	}
}
