package govlint.rules.dp019_test

import data.govlint.rules.dp019
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_both_filters_are_quiet if {
	count(dp019.deny) == 0 with input as manifest({"content_safety": {"input_filter": true, "output_filter": true}}) with data.govlint.file as native
}

test_missing_output_filter_fires if {
	r := dp019.deny with input as manifest({"content_safety": {"input_filter": true}}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "content_safety", "output_filter"]
	count(dp019.deny) == 1 with input as manifest({}) with data.govlint.file as native
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp019.deny) == 0 with input as manifest({"service": {"public": false}}) with data.govlint.file as native
	count(dp019.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}} with data.govlint.file as {"format": "kubernetes"}
}
