package govlint.rules.dp008_test

import data.govlint.rules.dp008
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_offered_is_quiet if {
	count(dp008.deny) == 0 with input as manifest({"training_opt_out": {"offered": true, "method": "Settings"}}) with data.govlint.file as native
}

test_not_offered_fires if {
	r := dp008.deny with input as manifest({"training_opt_out": {"offered": false}}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "training_opt_out", "offered"]
	count(dp008.deny) == 1 with input as manifest({}) with data.govlint.file as native
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp008.deny) == 0 with input as manifest({"service": {"public": false}}) with data.govlint.file as native
	count(dp008.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}} with data.govlint.file as {"format": "kubernetes"}
}
