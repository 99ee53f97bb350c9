package govlint.rules.dp011_test

import data.govlint.rules.dp011
import rego.v1

native := {"format": "native"}

params := {"dp011": {"min_log_retention_days": 180}}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_retention_is_quiet if {
	count(dp011.deny) == 0 with input as manifest({"log_retention_days": 180}) with data.govlint.file as native with data.govlint.params as params
}

test_short_retention_fires if {
	r := dp011.deny with input as manifest({"log_retention_days": 90}) with data.govlint.file as native with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "log_retention_days"]
	contains(f.msg, "90 days")
}

test_missing_retention_fires if {
	count(dp011.deny) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.params as params
}

test_threshold_is_a_parameter if {
	count(dp011.deny) == 0 with input as manifest({"log_retention_days": 90}) with data.govlint.file as native
		with data.govlint.params as {"dp011": {"min_log_retention_days": 90}}
}

test_workloads_are_quiet if {
	values := {"gateway": {"requestLog": {"retentionDays": 7}}}
	count(dp011.deny) == 0 with input as values with data.govlint.file as {"format": "helm-values"} with data.govlint.params as params
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp011.evidence with input as manifest({"log_retention_days": 365}) with data.govlint.file as native with data.govlint.params as params
	not dp011.evidence with input as manifest({}) with data.govlint.file as native with data.govlint.params as params
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp011.evidence with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.params as params
	count(dp011.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.params as params
	count(dp011.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.params as params
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp011.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s with data.govlint.params as params
}
