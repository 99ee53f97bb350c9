package govlint.rules.dp006_test

import data.govlint.rules.dp006
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

complete := {
	"stop_generation": "Output filter stops the stream.",
	"model_remediation": "Weekly fine-tune on filtered cases.",
	"reporting": "CAC reporting portal.",
	"user_sanctions": ["warning", "suspension"],
	"records": "SIEM, 3 years.",
}

test_complete_handling_is_quiet if {
	count(dp006.deny) == 0 with input as manifest({"illegal_content": complete}) with data.govlint.file as native
}

test_missing_handling_fires if {
	r := dp006.deny with input as manifest({}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "illegal_content"]
}

test_missing_step_fires if {
	r := dp006.deny with input as manifest({"illegal_content": object.remove(complete, ["reporting"])}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "illegal_content", "reporting"]
}

test_workloads_are_quiet if {
	count(dp006.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}} with data.govlint.file as {"format": "kubernetes"}
}
