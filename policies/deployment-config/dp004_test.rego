package govlint.rules.dp004_test

import data.govlint.rules.dp004
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_implicit_labels_are_quiet if {
	g := {"content_labeling": {"implicit": {"enabled": true, "producer": "ACME Ltd", "content_id": true}}}
	count(dp004.deny) == 0 with input as manifest(g) with data.govlint.file as native
}

test_missing_block_fires if {
	r := dp004.deny with input as manifest({}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "content_labeling", "implicit"]
}

test_disabled_labels_fire if {
	r := dp004.deny with input as manifest({"content_labeling": {"implicit": {"enabled": false}}}) with data.govlint.file as native
	count(r) == 3
	some f in r
	f.path == ["governance", "content_labeling", "implicit", "enabled"]
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp004.deny) == 0 with input as manifest({"service": {"public": false}}) with data.govlint.file as native
	count(dp004.deny) == 0 with input as {"services": {"api": {"image": "x"}}} with data.govlint.file as {"format": "compose"}
}
