package govlint.rules.dp005_test

import data.govlint.rules.dp005
import rego.v1

native := {"format": "native"}

params := {"dp005": {"min_log_retention_days": 180}}

manifest(opt_out) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": {"content_labeling": {"opt_out": opt_out}}}

test_documented_opt_out_is_quiet if {
	o := {"allowed": true, "user_agreement_clause": "User Agreement 7.3", "log_retention_days": 180}
	count(dp005.deny) == 0 with input as manifest(o) with data.govlint.file as native with data.govlint.params as params
}

test_no_opt_out_is_quiet if {
	count(dp005.deny) == 0 with input as manifest({"allowed": false}) with data.govlint.file as native with data.govlint.params as params
	count(dp005.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}} with data.govlint.file as native with data.govlint.params as params
}

test_short_retention_fires if {
	r := dp005.deny with input as manifest({"allowed": true, "user_agreement_clause": "UA 7.3", "log_retention_days": 30}) with data.govlint.file as native with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "content_labeling", "opt_out", "log_retention_days"]
	contains(f.msg, "30 days")
}

test_missing_clause_and_retention_fire if {
	r := dp005.deny with input as manifest({"allowed": true}) with data.govlint.file as native with data.govlint.params as params
	count(r) == 2
}

test_retention_is_a_parameter if {
	count(dp005.deny) == 0 with input as manifest({"allowed": true, "user_agreement_clause": "UA 7.3", "log_retention_days": 30}) with data.govlint.file as native
		with data.govlint.params as {"dp005": {"min_log_retention_days": 30}}
}

test_workloads_are_quiet if {
	count(dp005.deny) == 0 with input as {"image": {"repository": "x"}} with data.govlint.file as {"format": "helm-values"} with data.govlint.params as params
}
