package govlint.rules.mc019_test

import data.govlint.rules.mc019
import rego.v1

cdx := {"format": "cyclonedx"}

bom(components) := {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": components}

ml(approach) := {"type": "machine-learning-model", "name": "m", "modelCard": {"modelParameters": {"approach": {"type": approach}}}}

test_known_approach_is_quiet if {
	count(mc019.deny) == 0 with input as bom([ml("supervised"), ml("self-supervised")]) with data.govlint.file as cdx
}

test_unknown_approach_fires_with_path if {
	fs := mc019.deny with input as bom([ml("supervised"), ml("fine-tuning")]) with data.govlint.file as cdx
	count(fs) == 1
	some f in fs
	f.path == ["components", 1, "modelCard", "modelParameters", "approach", "type"]
}

test_model_card_on_other_component_type if {
	fs := mc019.deny with input as bom([{"type": "library", "name": "l", "modelCard": {}}]) with data.govlint.file as cdx
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard"]
}

test_nested_and_metadata_components if {
	b := {"bomFormat": "CycloneDX", "metadata": {"component": {"type": "application", "name": "a", "modelCard": {}}}, "components": [{"type": "application", "name": "x", "components": [ml("unsupervised-ish")]}]}
	fs := mc019.deny with input as b with data.govlint.file as cdx
	{f.path | some f in fs} == {["metadata", "component", "modelCard"], ["components", 0, "components", 0, "modelCard", "modelParameters", "approach", "type"]}
}

test_no_model_card_is_not_this_rule if {
	count(mc019.deny) == 0 with input as bom([{"type": "machine-learning-model", "name": "gpt-4o"}]) with data.govlint.file as cdx
}

test_huggingface_and_native_are_not_checked if {
	count(mc019.deny) == 0 with input as {"license": "mit", "modelCard": {}} with data.govlint.file as {"format": "huggingface"}
	count(mc019.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.file as {"format": "native"}
}

test_evidence_is_a_bom_component if {
	mc019.evidence with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m"}]} with data.govlint.file as {"format": "cyclonedx"}
	count(mc019.no_subject) == 1 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
}
