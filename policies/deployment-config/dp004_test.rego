package govlint.rules.dp004_test

import data.govlint.rules.dp004
import rego.v1

# The rule binds services offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

implicit(extra) := {"content_labeling": {"implicit": object.union({"enabled": true, "producer": "ACME Ltd", "content_id": true, "metadata_fields": ["Label", "ContentProducer", "ProduceID"]}, extra)}}

test_implicit_labels_are_quiet if {
	count(dp004.deny) == 0 with input as manifest(implicit({})) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_the_gb_45438_fields_are_written if {
	r := dp004.deny with input as manifest(implicit({"metadata_fields": ["Label"]})) with data.govlint.file as native with data.govlint.profile as cn_market
	{f.msg | some f in r} == {
		"the implicit label does not write GB 45438-2025's metadata field `ContentProducer` (governance.content_labeling.implicit.metadata_fields)",
		"the implicit label does not write GB 45438-2025's metadata field `ProduceID` (governance.content_labeling.implicit.metadata_fields)",
	}
}

test_a_service_that_distributes_content_writes_the_propagation_fields if {
	r := dp004.deny with input as manifest(implicit({"propagation": true})) with data.govlint.file as native with data.govlint.profile as cn_market
	count(r) == 2
	fields := ["Label", "ContentProducer", "ProduceID", "ContentPropagator", "PropagateID"]
	count(dp004.deny) == 0 with input as manifest(implicit({"propagation": true, "metadata_fields": fields})) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_missing_block_fires if {
	r := dp004.deny with input as manifest({}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(r) == 1
	some f in r
	f.path == ["governance", "content_labeling", "implicit"]
}

test_disabled_labels_fire if {
	r := dp004.deny with input as manifest({"content_labeling": {"implicit": {"enabled": false}}}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(r) == 3
	some f in r
	f.path == ["governance", "content_labeling", "implicit", "enabled"]
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp004.deny) == 0 with input as manifest({"service": {"public": false}}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(dp004.deny) == 0 with input as {"services": {"api": {"image": "x"}}} with data.govlint.file as {"format": "compose"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp004.evidence with input as manifest({"service": {"public": true, "regions": ["CN"]}, "content_labeling": {"implicit": {"enabled": true, "producer": "ACME", "content_id": true}}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp004.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp004.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp004.not_applicable) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp004.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_declared_facts_outside_china_make_it_not_applicable if {
	count(dp004.not_applicable) == 1 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.profile as {"regions": ["US"]}
	count(dp004.not_applicable) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp004.deny) == 0 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp004.not_applicable) == 1 with input as manifest({"service": {"public": true, "regions": ["DE"]}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_the_manifest_declaration_wins_over_the_profile if {
	count(dp004.not_applicable) == 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
	count(dp004.deny) > 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp004.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
	not dp004.evidence with input as ev_namespace with data.govlint.file as ev_k8s
}
