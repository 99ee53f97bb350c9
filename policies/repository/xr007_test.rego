package govlint.repository.xr007_test

import data.govlint.repository.xr007
import rego.v1

params := {"xr004": {"regions": ["CN"]}}

service(public, regions) := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 0, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
	"governance": {"service": {"public": public, "regions": regions}},
}}

dataset(name, g) := {"path": sprintf("datasets/%s/dataset-manifest.yaml", [name]), "kind": "dataset-manifest", "format": "native", "index": 0, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": name}, "governance": g,
}}

library := dataset("keywords", {"keyword_library": {"entries": 12500, "risk_types_covered": 17}})

banks := dataset("banks", {"test_banks": {"generated_content": {"questions": 2400}}})

run(artifacts) := r if {
	r := xr007.deny with input as {"artifacts": artifacts} with data.govlint.params as params
}

test_a_service_with_both_is_quiet if {
	count(run([service(true, ["CN"]), library, banks])) == 0
	both := dataset("safety", {"keyword_library": {"entries": 1}, "test_banks": {}})
	count(run([service(true, ["CN"]), both])) == 0
}

test_a_public_service_in_china_without_them_fires_twice if {
	r := run([service(true, ["CN"]), dataset("web", {"sources": []})])
	count(r) == 2
	{f.file | some f in r} == {"deploy/app.yaml"}
	{f.path | some f in r} == {["governance", "service", "regions"]}
}

test_a_missing_bank_fires_once if {
	r := run([service(true, ["CN", "EU"]), library])
	count(r) == 1
	some f in r
	contains(f.msg, "test-question banks")
}

test_services_outside_china_or_internal_are_not_applicable if {
	count(run([service(true, ["US"])])) == 0
	count(run([service(false, ["CN"])])) == 0
	count(xr007.not_applicable) == 1 with input as {"artifacts": [service(true, ["US"])]} with data.govlint.params as params
	count(xr007.not_applicable) == 1 with input as {"artifacts": [service(false, ["CN"])]} with data.govlint.params as params
}

test_the_profile_puts_an_undeclared_service_in_scope if {
	bare := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 0, "document": {
		"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"}, "governance": {},
	}}
	count(xr007.deny) == 0 with input as {"artifacts": [bare]} with data.govlint.params as params
	count(xr007.no_evidence) == 1 with input as {"artifacts": [bare]} with data.govlint.params as params
	count(xr007.deny) == 2 with input as {"artifacts": [bare]} with data.govlint.params as params with data.govlint.profile as {"public": true, "regions": ["CN"]}
}

test_evidence_names_the_service_and_the_manifests if {
	e := xr007.evidence with input as {"artifacts": [service(true, ["CN"]), library, banks]} with data.govlint.params as params
	{x.file | some x in e} == {"deploy/app.yaml", "datasets/keywords/dataset-manifest.yaml", "datasets/banks/dataset-manifest.yaml"}
}
