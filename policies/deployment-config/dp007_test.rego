package govlint.rules.dp007_test

import data.govlint.rules.dp007
import rego.v1

# The rule binds services offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_declared_logs_are_quiet if {
	g := {"input_logs": {"retention_days": 180, "identifiable": false, "third_party_sharing": false}}
	count(dp007.deny) == 0 with input as manifest(g) with data.govlint.file as native with data.govlint.profile as cn_market
	deidentified := {"input_logs": {"retention_days": 180, "identifiable": false, "third_party_sharing": true}}
	count(dp007.deny) == 0 with input as manifest(deidentified) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_sharing_identifiable_input_fires if {
	g := {"input_logs": {"retention_days": 365, "identifiable": true, "third_party_sharing": true}}
	r := dp007.deny with input as manifest(g) with data.govlint.file as native with data.govlint.profile as cn_market
	count(r) == 1
	some f in r
	f.path == ["governance", "input_logs", "third_party_sharing"]
}

test_undeclared_fields_fire if {
	count(dp007.deny) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as cn_market
	r := dp007.deny with input as manifest({"input_logs": {"retention_days": 30}}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(r) == 2
}

test_workloads_are_quiet if {
	count(dp007.deny) == 0 with input as {"services": {"api": {"image": "x"}}} with data.govlint.file as {"format": "compose"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp007.evidence with input as manifest({"service": {"public": true, "regions": ["CN"]}, "input_logs": {"retention_days": 180, "identifiable": false, "third_party_sharing": false}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp007.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp007.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp007.not_applicable) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp007.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_declared_facts_outside_china_make_it_not_applicable if {
	count(dp007.not_applicable) == 1 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.profile as {"regions": ["US"]}
	count(dp007.not_applicable) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp007.deny) == 0 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp007.not_applicable) == 1 with input as manifest({"service": {"public": true, "regions": ["DE"]}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_the_manifest_declaration_wins_over_the_profile if {
	count(dp007.not_applicable) == 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
	count(dp007.deny) > 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp007.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
	not dp007.evidence with input as ev_namespace with data.govlint.file as ev_k8s
}
