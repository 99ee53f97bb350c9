package govlint.rules.dp017_test

import data.govlint.rules.dp017
import rego.v1

k8s := {"format": "kubernetes"}

deployment(pod, c) := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": object.union(pod, {"containers": [c]})}}}

base := ["spec", "template", "spec"]

test_non_root_pod_is_quiet if {
	d := deployment({"securityContext": {"runAsNonRoot": true, "runAsUser": 1000}}, {"name": "vllm", "image": "x", "securityContext": {"allowPrivilegeEscalation": false}})
	count(dp017.deny) == 0 with input as d with data.govlint.file as k8s
}

test_container_user_is_enough if {
	d := deployment({}, {"name": "vllm", "image": "x", "securityContext": {"runAsUser": 1000}})
	count(dp017.deny) == 0 with input as d with data.govlint.file as k8s
}

test_missing_non_root_fires if {
	r := dp017.deny with input as deployment({}, {"name": "vllm", "image": "x"}) with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == array.concat(base, ["containers", 0, "securityContext", "runAsNonRoot"])
}

test_container_overrides_pod if {
	d := deployment({"securityContext": {"runAsNonRoot": true}}, {"name": "vllm", "image": "x", "securityContext": {"runAsUser": 0}})
	r := dp017.deny with input as d with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == array.concat(base, ["containers", 0, "securityContext", "runAsUser"])
	contains(f.msg, "runs as root")
}

test_privileged_host_network_fire if {
	d := deployment({"hostNetwork": true, "hostIPC": true, "securityContext": {"runAsNonRoot": true}}, {"name": "vllm", "image": "x", "securityContext": {"privileged": true, "allowPrivilegeEscalation": true, "capabilities": {"add": ["SYS_ADMIN"]}}})
	r := dp017.deny with input as d with data.govlint.file as k8s
	count(r) == 5
	some f in r
	f.path == array.concat(base, ["hostNetwork"])
}

test_run_as_non_root_false_fires if {
	r := dp017.deny with input as deployment({"securityContext": {"runAsNonRoot": false}}, {"name": "vllm", "image": "x"}) with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == array.concat(base, ["securityContext", "runAsNonRoot"])
}

test_kserve_shorthand_takes_runtime_context if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"model": {"modelFormat": {"name": "huggingface"}}}}}
	count(dp017.deny) == 0 with input as isvc with data.govlint.file as k8s
	bad := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"hostNetwork": true, "model": {"modelFormat": {"name": "huggingface"}}}}}
	count(dp017.deny) == 1 with input as bad with data.govlint.file as k8s
}

test_kserve_pod_security_context_applies if {
	isvc := {"apiVersion": "serving.kserve.io/v1beta1", "kind": "InferenceService", "spec": {"predictor": {"securityContext": {"runAsNonRoot": true}, "containers": [{"name": "kserve-container", "image": "x"}]}}}
	count(dp017.deny) == 0 with input as isvc with data.govlint.file as k8s
}

compose := {"format": "compose"}

test_compose if {
	ok := {"services": {"api": {"image": "x", "user": "1000:1000"}}}
	count(dp017.deny) == 0 with input as ok with data.govlint.file as compose
	no_user := {"services": {"api": {"image": "x"}}}
	r := dp017.deny with input as no_user with data.govlint.file as compose
	count(r) == 1
	some f in r
	f.path == ["services", "api", "user"]
	bad := {"services": {"api": {"image": "x", "user": "root", "privileged": true, "network_mode": "host", "cap_add": ["ALL"]}}}
	count(dp017.deny) == 4 with input as bad with data.govlint.file as compose
}

helm := {"format": "helm-values"}

test_helm_explicit_values if {
	ok := {"podSecurityContext": {"runAsNonRoot": true, "runAsUser": 10001}, "securityContext": {"allowPrivilegeEscalation": false}}
	count(dp017.deny) == 0 with input as ok with data.govlint.file as helm
	count(dp017.deny) == 0 with input as {"securityContext": {}} with data.govlint.file as helm
	bad := {"servingEngineSpec": {"containerSecurityContext": {"runAsNonRoot": false}}}
	r := dp017.deny with input as bad with data.govlint.file as helm
	count(r) == 1
	some f in r
	f.path == ["servingEngineSpec", "containerSecurityContext", "runAsNonRoot"]
	off := {"cache": {"enabled": false, "securityContext": {"privileged": true}}}
	count(dp017.deny) == 0 with input as off with data.govlint.file as helm
}

test_native_manifest_is_quiet if {
	count(dp017.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}}
		with data.govlint.file as {"format": "native"}
}

test_helm_added_capability if {
	values := {"securityContext": {"capabilities": {"add": ["CAP_SYS_ADMIN"]}}}
	r := dp017.deny with input as values with data.govlint.file as helm
	count(r) == 1
	some f in r
	f.path == ["securityContext", "capabilities", "add", 0]
}

test_llmisvc_main_supplied_sidecar_checked if {
	llm := {"apiVersion": "serving.kserve.io/v1alpha1", "kind": "LLMInferenceService", "spec": {"template": {"containers": [{"name": "main"}, {"name": "proxy", "image": "p"}]}}}
	r := dp017.deny with input as llm with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["spec", "template", "containers", 1, "securityContext", "runAsNonRoot"]
}

test_evidence_is_a_container_or_a_security_setting if {
	dp017.evidence with input as deployment({}, {"name": "c", "image": "x"}) with data.govlint.file as {"format": "kubernetes"}
	dp017.evidence with input as {"securityContext": {"runAsNonRoot": true}} with data.govlint.file as helm
	not dp017.evidence with input as {"replicaCount": 1} with data.govlint.file as helm
	count(dp017.no_subject) == 0 with input as {"replicaCount": 1} with data.govlint.file as helm
}

test_documents_without_containers_are_no_subject if {
	count(dp017.no_subject) == 1 with input as {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role"} with data.govlint.file as {"format": "kubernetes"}
}
