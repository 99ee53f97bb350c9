package govlint.rules.dp001_test

import data.govlint.rules.dp001
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

filing := {"route": "filed", "algorithm_filing_number": "网信算备110108000000001230001号", "number": "Beijing-AcmeAssistant-20250301", "model_name": "ACME Chat", "display_location": "web footer"}

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
	{f.path[2] | some f in r} == {"route", "algorithm_filing_number", "model_name", "display_location"}
}

registered := {
	"route": "registered", "algorithm_filing_number": "网信算备110108000000001230002号", "launch_number": "Beijing-AcmeApp-202504010001",
	"model_name": "ACME Helper", "display_location": "app About page",
	"upstream": {"model_name": "Qwen", "filing_number": "Zhejiang-TongyiQianwen-20230901"},
}

test_a_registered_application_shows_the_model_it_calls if {
	count(dp001.deny) == 0 with input as manifest({"service": cn, "filing": registered}) with data.govlint.file as native
	r := dp001.deny with input as manifest({"service": cn, "filing": object.remove(registered, ["upstream"])}) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "filing", "upstream", "model_name"], ["governance", "filing", "upstream", "filing_number"]}
}

test_a_registered_application_records_its_launch_number_not_a_filing_number if {
	r := dp001.deny with input as manifest({"service": cn, "filing": object.remove(registered, ["launch_number"])}) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "filing", "launch_number"]}
}

test_the_algorithm_filing_is_required_on_both_routes if {
	r := dp001.deny with input as manifest({"service": cn, "filing": object.remove(filing, ["algorithm_filing_number"])}) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "filing", "algorithm_filing_number"]}
	r2 := dp001.deny with input as manifest({"service": cn, "filing": object.remove(registered, ["algorithm_filing_number"])}) with data.govlint.file as native
	{f.path | some f in r2} == {["governance", "filing", "algorithm_filing_number"]}
}

test_an_unknown_route_fires if {
	r := dp001.deny with input as manifest({"service": cn, "filing": object.union(filing, {"route": "licensed"})}) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "filing", "route"]}
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}}
	count(dp001.deny) == 0 with input as manifest({}) with data.govlint.file as native
	count(dp001.deny) == 0 with input as bare with data.govlint.file as native
	not dp001.evidence with input as bare with data.govlint.file as native
	count(dp001.not_applicable) == 0 with input as bare with data.govlint.file as native
	some r in dp001.no_evidence with input as bare with data.govlint.file as native
	contains(r, "no market is declared")
	count(dp001.deny) == 1 with input as bare with data.govlint.file as native with data.govlint.profile as {"regions": ["CN"]}
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

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp001.evidence with input as manifest({"service": {"public": true, "regions": ["CN"]}, "filing": {"number": "Beijing-AcmeAssistant-20250301", "model_name": "ACME Chat", "display_location": "web footer"}}) with data.govlint.file as native
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp001.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp001.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp001.not_applicable) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp001.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_declared_facts_outside_china_make_it_not_applicable if {
	count(dp001.not_applicable) == 1 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.profile as {"regions": ["US"]}
	count(dp001.not_applicable) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp001.deny) == 0 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp001.not_applicable) == 1 with input as manifest({"service": {"public": true, "regions": ["DE"]}}) with data.govlint.file as native
}

test_the_manifest_declaration_wins_over_the_profile if {
	count(dp001.not_applicable) == 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
	count(dp001.deny) > 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp001.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
	not dp001.evidence with input as ev_namespace with data.govlint.file as ev_k8s
}
