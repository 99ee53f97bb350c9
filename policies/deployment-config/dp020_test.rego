package govlint.rules.dp020_test

import data.govlint.rules.dp020
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

cn := {"public": true, "regions": ["CN"]}

filed(base) := {"service": cn, "filing": {"route": "filed", "base_model": base}}

test_a_filed_base_model_is_quiet if {
	count(dp020.deny) == 0 with input as manifest(filed({"name": "Qwen2.5", "filing_number": "Zhejiang-TongyiQianwen-20230901"})) with data.govlint.file as native
	count(dp020.deny) == 0 with input as manifest(filed({"trained_in_house": true})) with data.govlint.file as native
	dp020.evidence with input as manifest(filed({"trained_in_house": true})) with data.govlint.file as native
}

test_no_base_model_fires if {
	r := dp020.deny with input as manifest({"service": cn, "filing": {"route": "filed"}}) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "filing", "base_model"]}
	count(dp020.deny) == 1 with input as manifest({"service": cn}) with data.govlint.file as native
}

test_a_base_model_without_its_filing_number_fires if {
	r := dp020.deny with input as manifest(filed({"name": "Llama 3.1"})) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "filing", "base_model", "filing_number"]}
	some f in r
	contains(f.msg, "`Llama 3.1`")
}

test_a_registered_application_is_dp001s if {
	g := {"service": cn, "filing": {"route": "registered"}}
	count(dp020.deny) == 0 with input as manifest(g) with data.govlint.file as native
	count(dp020.not_applicable) == 1 with input as manifest(g) with data.govlint.file as native
}

test_scope_by_market if {
	count(dp020.deny) == 0 with input as manifest({"service": {"public": true, "regions": ["US"]}}) with data.govlint.file as native
	count(dp020.not_applicable) == 1 with input as manifest({"service": {"public": true, "regions": ["US"]}}) with data.govlint.file as native
	count(dp020.deny) == 0 with input as manifest({}) with data.govlint.file as native
	count(dp020.no_evidence) == 1 with input as manifest({}) with data.govlint.file as native
	count(dp020.deny) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"regions": ["CN"]}
}

test_workloads_are_no_service_manifests if {
	d := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}
	count(dp020.deny) == 0 with input as d with data.govlint.file as {"format": "kubernetes"}
	count(dp020.no_subject) == 1 with input as d with data.govlint.file as {"format": "kubernetes"}
}
