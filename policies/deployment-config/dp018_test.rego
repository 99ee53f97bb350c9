package govlint.rules.dp018_test

import data.govlint.rules.dp018
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_declared_is_quiet if {
	g := {"auth": {"method": "oidc", "required": true}, "rate_limit": {"enabled": true, "scope": "per-user", "requests_per_minute": 30}}
	count(dp018.deny) == 0 with input as manifest(g) with data.govlint.file as native
}

test_missing_fires if {
	r := dp018.deny with input as manifest({}) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "rate_limit"]
}

test_open_endpoint_fires if {
	g := {"auth": {"method": "none", "required": false}, "rate_limit": {"enabled": false}}
	r := dp018.deny with input as manifest(g) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "auth", "required"]
}

test_workloads_are_quiet if {
	values := {"gateway": {"auth": {"mode": "none"}}}
	count(dp018.deny) == 0 with input as values with data.govlint.file as {"format": "helm-values"}
}
