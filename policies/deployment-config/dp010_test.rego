package govlint.rules.dp010_test

import data.govlint.rules.dp010
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_plan_is_quiet if {
	count(dp010.deny) == 0 with input as manifest({"rollback": {"plan": "Abort the rollout.", "deactivation": "Feature flag."}}) with data.govlint.file as native
}

test_missing_plan_fires if {
	r := dp010.deny with input as manifest({"rollback": {"previous_revision": "1.1.3"}}) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "rollback", "deactivation"]
	count(dp010.deny) == 1 with input as manifest({}) with data.govlint.file as native
}

test_workloads_are_quiet if {
	count(dp010.deny) == 0 with input as {"services": {"api": {"image": "x"}}} with data.govlint.file as {"format": "compose"}
}
