package govlint.rules.mc003_test

import data.govlint.rules.mc003
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

sec(heading, level, line, text) := {"heading": heading, "level": level, "line": line, "words": count(split(text, " ")), "text": text}

test_native_without_uses_fires_twice if {
	fs := mc003.deny with input as native({}) with data.govlint.file as nat
	count(fs) == 2
	{f.path | some f in fs} == {["governance", "intended_uses"], ["governance", "out_of_scope_uses"]}
}

test_native_with_uses_is_quiet if {
	count(mc003.deny) == 0 with input as native({"intended_uses": ["support chat"], "out_of_scope_uses": ["medical advice"]}) with data.govlint.file as nat
}

test_acceptable_use_policy_counts_as_out_of_scope if {
	count(mc003.deny) == 0 with input as native({"intended_uses": "support chat", "acceptable_use_policy_url": "https://acme.example/aup"}) with data.govlint.file as nat
}

test_hf_template_sections_count if {
	count(mc003.deny) == 0 with input as {"license": "mit"}
		with data.govlint.file as {"format": "huggingface", "sections": [
			sec("Uses", 2, 10, ""),
			sec("Direct Use", 3, 12, "Answering support questions."),
			sec("Out-of-Scope Use", 3, 16, "Medical advice."),
		]}
}

test_hf_placeholder_sections_do_not_count if {
	fs := mc003.deny with input as {"license": "mit"}
		with data.govlint.file as {"format": "huggingface", "sections": [
			sec("Uses", 2, 10, "<!-- Address questions around how the model is intended to be used -->"),
			sec("Direct Use", 3, 12, "{{ direct_use | default(\"[More Information Needed]\", true)}}"),
			sec("Out-of-Scope Use", 3, 16, "[More Information Needed]"),
		]}
	count(fs) == 2
}

test_hf_bold_labels_count if {
	count(mc003.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Intended Use", 2, 73, "**Intended Use Cases** Llama 3 is intended for commercial and research use in English.\n\n**Out-of-scope** Use in any manner that violates applicable laws.")]}
}

test_hf_gated_acceptable_use_policy_counts if {
	fs := mc003.deny with input as {"extra_gated_prompt": "### Llama 3.2 Acceptable Use Policy\n#### Prohibited Uses"} with data.govlint.file as {"format": "huggingface"}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "intended_uses"]
}

test_cyclonedx_without_use_cases_fires if {
	fs := mc003.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"considerations": {}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "considerations", "useCases"]
}

test_cyclonedx_with_use_cases_is_quiet if {
	count(mc003.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"considerations": {"useCases": ["ticket routing"]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
}

test_every_card_is_judged if {
	mc003.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc003.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
