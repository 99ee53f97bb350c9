package govlint.repository.xr004_test

import data.govlint.repository.xr004
import rego.v1

params := {"xr004": {"regions": ["CN"]}}

evaluated := {"governance": {"model_id": "acme/chat", "evaluation": {"safety": {
	"generated_content": {"sample_size": 1200, "acceptable_rate": 0.94},
	"refusal": {"should_refuse": {"sample_size": 400, "refusal_rate": 0.97}, "should_not_refuse": {"sample_size": 400, "refusal_rate": 0.03}},
}}}}

card(doc) := {"path": "models/chat/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": doc}

service(public, regions) := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 0, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
	"governance": {"model": {"name": "acme/chat", "revision": "1"}, "service": {"public": public, "regions": regions}},
}}

run(artifacts) := r if {
	r := xr004.deny with input as {"artifacts": artifacts} with data.govlint.params as params
}

test_evaluated_model_is_quiet if {
	count(run([card(evaluated), service(true, ["CN"])])) == 0
}

test_missing_refusal_tests_fire if {
	doc := {"governance": {"model_id": "acme/chat", "evaluation": {"safety": {"generated_content": {"sample_size": 1200, "acceptable_rate": 0.94}}}}}
	r := run([card(doc), service(true, ["CN", "EU"])])
	count(r) == 2
	{f.path | some f in r} == {["governance", "service", "regions"]}
}

test_no_evaluation_fires_three_times if {
	count(run([card({"governance": {"model_id": "acme/chat"}}), service(true, ["CN"])])) == 3
}

test_no_card_fires_once if {
	r := run([service(true, ["CN"])])
	count(r) == 1
	some f in r
	contains(f.msg, "no model card")
}

test_internal_or_foreign_service_is_quiet if {
	count(run([card({"governance": {"model_id": "acme/chat"}}), service(false, ["CN"])])) == 0
	count(run([card({"governance": {"model_id": "acme/chat"}}), service(true, ["EU"])])) == 0
}

test_evaluation_in_the_native_card_counts if {
	native := {"path": "models/chat/model-card.yaml", "kind": "model-card", "format": "native", "index": 0, "document": object.union(
		{"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "chat", "describes": ["models/chat/README.md"]}},
		evaluated,
	)}
	count(run([card({"license": "mit"}), native, service(true, ["CN"])])) == 0
}

test_evidence_is_a_public_service_in_china if {
	count(xr004.evidence) == 1 with input as {"artifacts": [card(evaluated), service(true, ["CN"])]} with data.govlint.params as params
}

test_declared_facts_take_a_service_out if {
	count(xr004.not_applicable) == 1 with input as {"artifacts": [card(evaluated), service(false, ["CN"])]} with data.govlint.params as params
	count(xr004.not_applicable) == 1 with input as {"artifacts": [card(evaluated), service(true, ["US"])]} with data.govlint.params as params
}

test_the_profile_scopes_a_manifest_that_declares_nothing if {
	bare := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 0, "document": {
		"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
		"governance": {"model": {"name": "acme/chat", "revision": "1"}},
	}}
	count(xr004.no_evidence) == 1 with input as {"artifacts": [card({}), bare]} with data.govlint.params as params
	count(xr004.deny) == 0 with input as {"artifacts": [card({}), bare]} with data.govlint.params as params
	count(xr004.deny) > 0 with input as {"artifacts": [card({"governance": {"model_id": "acme/chat"}}), bare]} with data.govlint.params as params with data.govlint.profile as {"public": true, "regions": ["CN"]}
	count(xr004.not_applicable) == 1 with input as {"artifacts": [card({}), bare]} with data.govlint.params as params with data.govlint.profile as {"public": false}
}
