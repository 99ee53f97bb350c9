package govlint.rules.dp022_test

import data.govlint.rules.dp022
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

service(minors) := {"public": true, "regions": ["CN"], "minors": minors}

test_a_service_for_minors_with_measures_is_quiet if {
	g := {"service": service(true), "minors_protection": {"anti_addiction": "Minors' mode, 40 minutes a day"}}
	count(dp022.deny) == 0 with input as manifest(g) with data.govlint.file as native
	dp022.evidence with input as manifest(g) with data.govlint.file as native
}

test_a_service_for_minors_without_measures_fires if {
	r := dp022.deny with input as manifest({"service": service(true)}) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "minors_protection", "anti_addiction"]}
}

test_the_profile_says_minors_may_use_it if {
	g := {"service": {"public": true, "regions": ["CN"]}}
	count(dp022.deny) == 1 with input as manifest(g) with data.govlint.file as native with data.govlint.profile as {"minors": true}
	count(dp022.deny) == 0 with input as manifest(g) with data.govlint.file as native with data.govlint.profile as {"minors": false}
	count(dp022.not_applicable) == 1 with input as manifest(g) with data.govlint.file as native with data.govlint.profile as {"minors": false}
	count(dp022.deny) == 1 with input as manifest({"service": service(true)}) with data.govlint.file as native with data.govlint.profile as {"minors": false}
}

test_undeclared_minors_lack_the_evidence if {
	g := {"service": {"public": true, "regions": ["CN"]}}
	count(dp022.deny) == 0 with input as manifest(g) with data.govlint.file as native
	count(dp022.no_evidence) == 1 with input as manifest(g) with data.govlint.file as native
}

test_outside_china_nothing_fires if {
	count(dp022.deny) == 0 with input as manifest({"service": {"public": true, "regions": ["US"], "minors": true}}) with data.govlint.file as native
	count(dp022.not_applicable) == 1 with input as manifest({"service": {"public": true, "regions": ["US"], "minors": true}}) with data.govlint.file as native
}
