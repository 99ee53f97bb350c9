package govlint.rules.dp010_test

import data.govlint.rules.dp010
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_plan_is_quiet if {
	count(dp010.deny) == 0 with input as manifest({"rollback": {"plan": "Abort the rollout.", "deactivation": "Feature flag."}}) with data.govlint.file as native
}

test_missing_plan_fires if {
	r := dp010.deny with input as manifest({"rollback": {"previous_revision": "1.1.3"}}) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "rollback", "deactivation"]
	count(dp010.deny) == 1 with input as manifest({}) with data.govlint.file as native
}

test_workloads_are_quiet if {
	count(dp010.deny) == 0 with input as {"services": {"api": {"image": "x"}}} with data.govlint.file as {"format": "compose"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp010.evidence with input as manifest({"rollback": {"plan": "p", "deactivation": "d"}}) with data.govlint.file as native
	not dp010.evidence with input as manifest({}) with data.govlint.file as native
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp010.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp010.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp010.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp010.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
}
