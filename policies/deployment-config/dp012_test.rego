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
