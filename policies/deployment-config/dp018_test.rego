package govlint.rules.dp018_test

import data.govlint.rules.dp018
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_declared_is_quiet if {
	g := {"auth": {"method": "oidc", "required": true}, "rate_limit": {"enabled": true, "scope": "per-user", "requests_per_minute": 30}}
	count(dp018.deny) == 0 with input as manifest(g) with data.govlint.file as native
}

test_missing_fires if {
	r := dp018.deny with input as manifest({}) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "rate_limit"]
}

test_open_endpoint_fires if {
	g := {"auth": {"method": "none", "required": false}, "rate_limit": {"enabled": false}}
	r := dp018.deny with input as manifest(g) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "auth", "required"]
}

test_workloads_are_quiet if {
	values := {"gateway": {"auth": {"mode": "none"}}}
	count(dp018.deny) == 0 with input as values with data.govlint.file as {"format": "helm-values"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp018.evidence with input as manifest({"auth": {"method": "oidc", "required": true}, "rate_limit": {"enabled": true}}) with data.govlint.file as native
	not dp018.evidence with input as manifest({}) with data.govlint.file as native
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp018.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp018.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp018.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp018.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
}
