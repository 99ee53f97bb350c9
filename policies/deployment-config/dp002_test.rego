package govlint.rules.dp002_test

import data.govlint.rules.dp002
import rego.v1

# The rule binds services offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

complete := {"url": "https://assistant.example/report", "process": "Triage within 4 hours.", "response_time_hours": 48}

test_complete_channel_is_quiet if {
	count(dp002.deny) == 0 with input as manifest({"complaints": complete}) with data.govlint.file as native with data.govlint.profile as cn_market
	email := object.union(object.remove(complete, ["url"]), {"email": "ai@example.com"})
	count(dp002.deny) == 0 with input as manifest({"complaints": email}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_missing_channel_fires if {
	r := dp002.deny with input as manifest({}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(r) == 1
	some f in r
	f.path == ["governance", "complaints"]
}

test_incomplete_channel_fires if {
	r := dp002.deny with input as manifest({"complaints": {"email": "ai@example.com"}}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(r) == 2
	some f in r
	f.path == ["governance", "complaints", "response_time_hours"]
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp002.deny) == 0 with input as manifest({"service": {"public": false}}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(dp002.deny) == 0 with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}} with data.govlint.file as {"format": "kubernetes"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp002.evidence with input as manifest({"service": {"public": true, "regions": ["CN"]}, "complaints": {"url": "https://a.example/report", "process": "triage", "response_time_hours": 48}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp002.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp002.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp002.not_applicable) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp002.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_declared_facts_outside_china_make_it_not_applicable if {
	count(dp002.not_applicable) == 1 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.profile as {"regions": ["US"]}
	count(dp002.not_applicable) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp002.deny) == 0 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp002.not_applicable) == 1 with input as manifest({"service": {"public": true, "regions": ["DE"]}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_the_manifest_declaration_wins_over_the_profile if {
	count(dp002.not_applicable) == 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
	count(dp002.deny) > 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp002.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
	not dp002.evidence with input as ev_namespace with data.govlint.file as ev_k8s
}
