package govlint.rules.dp007_test

import data.govlint.rules.dp007
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_declared_logs_are_quiet if {
	g := {"input_logs": {"retention_days": 180, "identifiable": false, "third_party_sharing": false}}
	count(dp007.deny) == 0 with input as manifest(g) with data.govlint.file as native
	deidentified := {"input_logs": {"retention_days": 180, "identifiable": false, "third_party_sharing": true}}
	count(dp007.deny) == 0 with input as manifest(deidentified) with data.govlint.file as native
}

test_sharing_identifiable_input_fires if {
	g := {"input_logs": {"retention_days": 365, "identifiable": true, "third_party_sharing": true}}
	r := dp007.deny with input as manifest(g) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "input_logs", "third_party_sharing"]
}

test_undeclared_fields_fire if {
	count(dp007.deny) == 1 with input as manifest({}) with data.govlint.file as native
	r := dp007.deny with input as manifest({"input_logs": {"retention_days": 30}}) with data.govlint.file as native
	count(r) == 2
}

test_workloads_are_quiet if {
	count(dp007.deny) == 0 with input as {"services": {"api": {"image": "x"}}} with data.govlint.file as {"format": "compose"}
}
