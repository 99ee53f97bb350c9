package govlint.repository.xr002_test

import data.govlint.repository.xr002
import rego.v1

params := {"xr002": {"noncommercial_licenses": ["cc-by-nc-*", "qwen-research"], "conditional_licenses": ["llama2", "tongyi-qianwen*"]}}

card(doc) := {"path": "models/m/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": object.union({"model-index": [{"name": "m"}]}, doc)}

service(commercial) := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 1, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
	"governance": {"model": {"name": "m", "revision": "1"}, "service": {"commercial": commercial}},
}}

run(artifacts) := r if {
	r := xr002.deny with input as {"artifacts": artifacts} with data.govlint.params as params
}

test_permissive_license_is_quiet if {
	count(run([card({"license": "apache-2.0"}), service(true)])) == 0
}

test_noncommercial_license_fires_on_the_deployment if {
	r := run([card({"license": "cc-by-nc-4.0"}), service(true)])
	count(r) == 1
	some f in r
	f.file == "deploy/app.yaml"
	f.index == 1
	f.path == ["governance", "service", "commercial"]
	contains(f.msg, "cc-by-nc-4.0")
}

test_noncommercial_license_in_a_non_commercial_service_is_quiet if {
	count(run([card({"license": "cc-by-nc-4.0"}), service(false)])) == 0
}

test_license_name_of_other_is_read if {
	count(run([card({"license": "other", "license_name": "qwen-research"}), service(true)])) == 1
}

test_conditional_license_needs_confirmation if {
	r := run([card({"license": "llama2"}), service(true)])
	count(r) == 1
	some f in r
	contains(f.msg, "only under conditions")
}

test_confirmed_conditional_license_is_quiet if {
	count(run([card({"license": "llama2", "governance": {"commercial_use_allowed": true}}), service(true)])) == 0
}

test_other_license_needs_commercial_use_allowed if {
	count(run([card({"license": "other", "license_name": "acme-internal"}), service(true)])) == 1
}

test_commercial_use_not_allowed_fires if {
	r := run([card({"license": "apache-2.0", "governance": {"commercial_use_allowed": false}}), service(true)])
	count(r) == 1
	some f in r
	contains(f.msg, "commercial_use_allowed: false")
}

test_license_read_from_a_related_native_card if {
	native := {"path": "models/m/model-card.yaml", "kind": "model-card", "format": "native", "index": 0, "document": {
		"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m", "describes": ["models/m/bom.json"]}, "license": "cc-by-nc-sa-4.0",
	}}
	bom := {"path": "models/m/bom.json", "kind": "model-card", "format": "cyclonedx", "index": 0, "document": {
		"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "licenses": [{"license": {"id": "Apache-2.0"}}]}],
	}}
	r := run([bom, native, service(true)])
	count(r) == 1
	some f in r
	contains(f.msg, "cc-by-nc-sa-4.0")
}

test_cyclonedx_license_is_read if {
	bom := {"path": "models/m/bom.json", "kind": "model-card", "format": "cyclonedx", "index": 0, "document": {
		"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "licenses": [{"license": {"id": "CC-BY-NC-4.0"}}]}],
	}}
	count(run([bom, service(true)])) == 1
}

test_unknown_model_is_left_to_xr001 if {
	other := {"path": "models/other/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {"license": "cc-by-nc-4.0"}}
	count(run([other, service(true)])) == 0
}

test_evidence_is_a_commercial_service_with_a_card if {
	e := xr002.evidence with input as {"artifacts": [card({"license": "mit", "governance": {"model_id": "m"}}), service(true)]} with data.govlint.params as params
	count(e) == 1
}

test_a_service_declared_not_commercial_is_not_applicable if {
	count(xr002.not_applicable) == 1 with input as {"artifacts": [card({"license": "cc-by-nc-4.0"}), service(false)]} with data.govlint.params as params
}

test_the_profile_declares_what_the_manifest_does_not if {
	undeclared := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 1, "document": {
		"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
		"governance": {"model": {"name": "m", "revision": "1"}},
	}}
	count(xr002.no_evidence) == 1 with input as {"artifacts": [card({"license": "cc-by-nc-4.0", "governance": {"model_id": "m"}}), undeclared]} with data.govlint.params as params
	count(xr002.deny) == 1 with input as {"artifacts": [card({"license": "cc-by-nc-4.0", "governance": {"model_id": "m"}}), undeclared]} with data.govlint.params as params with data.govlint.profile as {"commercial": true}
	count(xr002.not_applicable) == 1 with input as {"artifacts": [card({"license": "cc-by-nc-4.0", "governance": {"model_id": "m"}}), undeclared]} with data.govlint.params as params with data.govlint.profile as {"commercial": false}
}
