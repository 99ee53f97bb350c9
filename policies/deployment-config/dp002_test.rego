package govlint.rules.dp002_test

import data.govlint.rules.dp002
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

complete := {"url": "https://assistant.example/report", "process": "Triage within 4 hours.", "response_time_hours": 48}

test_complete_channel_is_quiet if {
	count(dp002.deny) == 0 with input as manifest({"complaints": complete}) with data.govlint.file as native
	email := object.union(object.remove(complete, ["url"]), {"email": "ai@example.com"})
	count(dp002.deny) == 0 with input as manifest({"complaints": email}) with data.govlint.file as native
}

test_missing_channel_fires if {
	r := dp002.deny with input as manifest({}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "complaints"]
}

test_incomplete_channel_fires if {
	r := dp002.deny with input as manifest({"complaints": {"email": "ai@example.com"}}) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "complaints", "response_time_hours"]
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp002.deny) == 0 with input as manifest({"service": {"public": false}}) with data.govlint.file as native
	count(dp002.deny) == 0 with input as {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}} with data.govlint.file as {"format": "kubernetes"}
}
