package govlint.rules.mc011_test

import data.govlint.rules.mc011
import rego.v1

params := {"mc011": {"systemic_risk_flop": 1.0e+25}}

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

hf := {"format": "huggingface"}

record := {"performed": true, "date": "2025-02-18", "findings": "two jailbreaks fixed"}

test_small_model_needs_no_record if {
	count(mc011.deny) == 0 with input as native({"training_compute_flop": 9.5e+22}) with data.govlint.file as nat with data.govlint.params as params
}

test_large_compute_without_record_fires_on_native if {
	fs := mc011.deny with input as native({"training_compute_flop": 3.8e+25}) with data.govlint.file as nat with data.govlint.params as params
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation", "red_teaming"]
	contains(f.msg, "3.8e+25")
}

test_declared_systemic_risk_with_record_is_quiet_on_hf if {
	count(mc011.deny) == 0 with input as {"governance": {"systemic_risk": true, "evaluation": {"red_teaming": record}}}
		with data.govlint.file as hf with data.govlint.params as params
}

test_declared_systemic_risk_not_performed_fires_on_hf if {
	fs := mc011.deny with input as {"governance": {"systemic_risk": true, "evaluation": {"red_teaming": {"performed": false}}}}
		with data.govlint.file as hf with data.govlint.params as params
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation", "red_teaming", "performed"]
}

test_record_needs_date_and_outcome if {
	fs := mc011.deny with input as {"governance": {"systemic_risk": true, "evaluation": {"red_teaming": {"performed": true}}}}
		with data.govlint.file as hf with data.govlint.params as params
	{f.path | some f in fs} == {["governance", "evaluation", "red_teaming", "date"], ["governance", "evaluation", "red_teaming", "findings"]}
}

test_threshold_is_a_parameter if {
	count(mc011.deny) == 1 with input as native({"training_compute_flop": 9.5e+22}) with data.govlint.file as nat
		with data.govlint.params as {"mc011": {"systemic_risk_flop": 1.0e+22}}
}

test_markdown_red_teaming_section_counts if {
	count(mc011.deny) == 0 with input as {"governance": {"systemic_risk": true}}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Red Teaming", "level": 2, "line": 40, "words": 6, "text": "An external red team probed jailbreaks in March 2025."}]}
		with data.govlint.params as params
}

test_evidence_is_a_model_with_systemic_risk if {
	mc011.evidence with input as {"governance": {"systemic_risk": true}} with data.govlint.file as hf with data.govlint.params as params
	mc011.evidence with input as {} with data.govlint.file as hf with data.govlint.params as params with data.govlint.profile as {"systemic_risk": true}
	count(mc011.deny) == 1 with input as {} with data.govlint.file as hf with data.govlint.params as params with data.govlint.profile as {"systemic_risk": true}
}

test_declared_facts_take_a_model_out if {
	count(mc011.not_applicable) == 1 with input as {"governance": {"systemic_risk": false}} with data.govlint.file as hf with data.govlint.params as params
	count(mc011.not_applicable) == 1 with input as {} with data.govlint.file as hf with data.govlint.params as params with data.govlint.profile as {"systemic_risk": false}
	count(mc011.not_applicable) == 1 with input as {"governance": {"training_compute_flop": 9.5e+22}} with data.govlint.file as hf with data.govlint.params as params
}

test_a_card_that_declares_nothing_lacks_the_evidence if {
	not mc011.evidence with input as {} with data.govlint.file as hf with data.govlint.params as params
	count(mc011.not_applicable) == 0 with input as {} with data.govlint.file as hf with data.govlint.params as params
}

test_the_card_declaration_wins_over_the_profile if {
	count(mc011.not_applicable) == 1 with input as {"governance": {"systemic_risk": false}} with data.govlint.file as hf with data.govlint.params as params with data.govlint.profile as {"systemic_risk": true}
}
