package govlint.rules.mc013_test

import data.govlint.rules.mc013
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

sec(heading, level, text) := {"heading": heading, "level": level, "line": 59, "words": 5, "text": text}

test_native_complete_is_quiet if {
	count(mc013.deny) == 0 with input as native({"limitations": ["cut-off 2024"], "bias_risks": ["weaker in Cantonese"]}) with data.govlint.file as nat
}

test_native_missing_bias_fires if {
	fs := mc013.deny with input as native({"limitations": ["cut-off 2024"]}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "bias_risks"]
}

test_hf_template_section_filled if {
	count(mc013.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Bias, Risks, and Limitations", 2, "It can state product facts confidently and wrongly.")]}
}

test_hf_template_placeholder_fires_twice if {
	count(mc013.deny) == 2 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Bias, Risks, and Limitations", 2, "<!-- This section is meant to convey both technical and sociotechnical limitations. -->\n\n{{ bias_risks_limitations | default(\"[More Information Needed]\", true)}}")]}
}

test_hf_limitations_label_mentioning_bias_covers_both if {
	count(mc013.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Performance Evaluation", 3, "**Limitations:** the generated responses may contain biases, discrimination, or other harmful content.")]}
}

test_hf_limitations_only if {
	fs := mc013.deny with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Limitations", 2, "Knowledge cut-off in 2023.")]}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "bias_risks"]
}

test_cyclonedx if {
	count(mc013.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"considerations": {"technicalLimitations": ["x"], "fairnessAssessments": [{"groupAtRisk": "y"}]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	fs := mc013.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"considerations": {"technicalLimitations": ["x"]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "considerations", "ethicalConsiderations"]
}

test_every_card_is_judged if {
	mc013.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc013.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}

test_open_release_is_exempt_from_the_eu_duty_only if {
	card := {"license": "apache-2.0", "governance": {"weights_public": true, "systemic_risk": false}}
	params := {"mc013": {"open_source_licenses": ["apache-2.0"], "systemic_risk_flop": 1.0e+25}}
	ex := mc013.exempt with input as card with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	[e.framework | some e in ex] == ["eu-ai-act"]
	count(mc013.deny) == 2 with input as card with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}
