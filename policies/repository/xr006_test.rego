package govlint.repository.xr006_test

import data.govlint.repository.xr006
import rego.v1

params := {"xr006": {"compute_threshold_flop": 1e25}}

card(g) := {"path": "models/big/model-card.yaml", "kind": "model-card", "format": "native", "index": 0, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "big", "describes": ["models/big/README.md"]}, "governance": g,
}}

run(artifacts) := r if {
	r := xr006.deny with input as {"artifacts": artifacts} with data.govlint.params as params
}

red_team := {"performed": true, "date": "2025-02-18"}

test_small_model_is_quiet if {
	count(run([card({"training_compute_flop": 9.5e22})])) == 0
}

test_large_model_without_records_fires_twice if {
	r := run([card({"training_compute_flop": 3.8e25})])
	count(r) == 2
	{f.path | some f in r} == {["governance", "evaluation"], ["governance", "evaluation", "red_teaming"]}
	some f in r
	f.file == "models/big/model-card.yaml"
}

test_large_model_with_records_is_quiet if {
	count(run([card({"training_compute_flop": 3.8e25, "evaluation": {"capability": [{"benchmark": "MMLU", "value": 0.8}], "red_teaming": red_team}})])) == 0
}

test_records_in_the_described_hf_card_count if {
	hf := {"path": "models/big/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
		"model-index": [{"name": "big", "results": [{"task": {"type": "text-generation"}}]}],
		"governance": {"evaluation": {"red_teaming": red_team}},
	}}
	count(run([card({"training_compute_flop": 3.8e25}), hf])) == 0
}

test_systemic_risk_declaration_triggers if {
	r := run([card({"systemic_risk": true, "evaluation": {"capability": [{"benchmark": "MMLU", "value": 0.8}]}})])
	count(r) == 1
	some f in r
	f.path == ["governance", "evaluation", "red_teaming"]
	contains(f.msg, "systemic risk")
}

test_red_teaming_not_performed_fires if {
	count(run([card({"training_compute_flop": 2e25, "evaluation": {"capability": [{"benchmark": "MMLU", "value": 0.8}], "red_teaming": {"performed": false}}})])) == 1
}

test_threshold_is_a_parameter if {
	count(xr006.deny) == 0 with input as {"artifacts": [card({"training_compute_flop": 3.8e25})]} with data.govlint.params as {"xr006": {"compute_threshold_flop": 1e26}}
}

test_hf_card_declaring_compute_fires if {
	hf := {"path": "models/huge/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
		"license": "apache-2.0", "governance": {"training_compute_flop": 3.8e25},
	}}
	r := run([hf])
	count(r) == 2
	some f in r
	f.file == "models/huge/README.md"
	contains(f.msg, "3.8e+25 FLOP")
}

test_one_finding_per_model_on_the_native_card if {
	hf := {"path": "models/big/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
		"governance": {"training_compute_flop": 3.8e25, "evaluation": {"capability": [{"benchmark": "MMLU", "value": 0.8}]}},
	}}
	r := run([card({"training_compute_flop": 3.8e25}), hf])
	count(r) == 1
	some f in r
	f.file == "models/big/model-card.yaml"
}

test_evidence_is_a_card_under_the_obligation if {
	count(xr006.evidence) == 1 with input as {"artifacts": [card({"training_compute_flop": 3e25})]} with data.govlint.params as params
	count(xr006.evidence) == 1 with input as {"artifacts": [card({})]} with data.govlint.params as params with data.govlint.profile as {"systemic_risk": true}
	count(xr006.deny) == 2 with input as {"artifacts": [card({})]} with data.govlint.params as params with data.govlint.profile as {"systemic_risk": true}
}

test_declared_facts_take_a_card_out if {
	count(xr006.not_applicable) == 1 with input as {"artifacts": [card({"systemic_risk": false})]} with data.govlint.params as params
	count(xr006.not_applicable) == 1 with input as {"artifacts": [card({"training_compute_flop": 9.5e+22})]} with data.govlint.params as params
	count(xr006.not_applicable) == 1 with input as {"artifacts": [card({})]} with data.govlint.params as params with data.govlint.profile as {"systemic_risk": false}
	count(xr006.no_evidence) == 1 with input as {"artifacts": [card({})]} with data.govlint.params as params
}
