package govlint.rules.dp001_test

import data.govlint.rules.dp001
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

filing := {"number": "Beijing-AcmeAssistant-20250301", "model_name": "ACME Chat", "display_location": "web footer"}

cn := {"public": true, "regions": ["CN"]}

test_filed_service_is_quiet if {
	count(dp001.deny) == 0 with input as manifest({"service": cn, "filing": filing}) with data.govlint.file as native
}

test_missing_filing_fires if {
	r := dp001.deny with input as manifest({"service": cn}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "filing"]
}

test_incomplete_filing_fires if {
	r := dp001.deny with input as manifest({"service": cn, "filing": {"number": "X-1"}}) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "filing", "display_location"]
}

test_undeclared_scope_is_in_scope if {
	count(dp001.deny) == 1 with input as manifest({}) with data.govlint.file as native
	count(dp001.deny) == 1 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}} with data.govlint.file as native
}

test_out_of_scope_is_quiet if {
	count(dp001.deny) == 0 with input as manifest({"service": {"public": false, "regions": ["CN"]}}) with data.govlint.file as native
	count(dp001.deny) == 0 with input as manifest({"service": {"public": true, "regions": ["US", "EU"]}}) with data.govlint.file as native
}

test_workloads_are_not_governance_manifests if {
	d := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "vllm"}, "spec": {}}
	count(dp001.deny) == 0 with input as d with data.govlint.file as {"format": "kubernetes"}
	count(dp001.deny) == 0 with input as {"services": {"api": {"image": "x"}}} with data.govlint.file as {"format": "compose"}
	count(dp001.deny) == 0 with input as {"governance": {"service": cn}} with data.govlint.file as {"format": "helm-values"}
}
