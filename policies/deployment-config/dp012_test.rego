package govlint.rules.dp012_test

import data.govlint.rules.dp012
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_transparent_eu_service_is_quiet if {
	g := {"service": {"regions": ["EU"]}, "ai_interaction_notice": true, "machine_readable_marking": true}
	count(dp012.deny) == 0 with input as manifest(g) with data.govlint.file as native
}

test_member_state_without_notice_fires if {
	r := dp012.deny with input as manifest({"service": {"regions": ["CN", "de"]}, "machine_readable_marking": true}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "ai_interaction_notice"]
}

test_outside_the_eu_is_quiet if {
	count(dp012.deny) == 0 with input as manifest({"service": {"regions": ["CN"]}}) with data.govlint.file as native
	count(dp012.deny) == 0 with input as manifest({}) with data.govlint.file as native
}

test_workloads_are_quiet if {
	count(dp012.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}} with data.govlint.file as {"format": "kubernetes"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

test_evidence_is_a_manifest_on_the_eu_market if {
	dp012.evidence with input as manifest({"service": {"regions": ["DE"]}, "ai_interaction_notice": true, "machine_readable_marking": true}) with data.govlint.file as native
	dp012.evidence with input as manifest({"ai_interaction_notice": true, "machine_readable_marking": true}) with data.govlint.file as native with data.govlint.profile as {"regions": ["EU"]}
	not dp012.evidence with input as manifest({"ai_interaction_notice": true}) with data.govlint.file as native
}

test_regions_outside_the_eu_make_it_not_applicable if {
	count(dp012.not_applicable) == 1 with input as manifest({"service": {"regions": ["CN"]}}) with data.govlint.file as native
	count(dp012.not_applicable) == 1 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.profile as {"regions": ["US", "CN"]}
	count(dp012.not_applicable) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_the_profile_puts_a_manifest_without_regions_on_the_eu_market if {
	count(dp012.deny) == 2 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"regions": ["FR"]}
	count(dp012.deny) == 0 with input as manifest({"service": {"regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"regions": ["FR"]}
}
