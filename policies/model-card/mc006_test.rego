package govlint.rules.mc006_test

import data.govlint.rules.mc006
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

complete := {
	"types": ["support dialogues"], "provenance": "tickets 2021-2024", "curation": "dedup, PI redaction",
	"size": {"tokens": 2100000000}, "datasets": [{"name": "acme-support-dialogues"}],
}

sec(heading, line, text) := {"heading": heading, "level": 2, "line": line, "words": 5, "text": text}

test_native_complete_is_quiet if {
	count(mc006.deny) == 0 with input as native({"training_data": complete}) with data.govlint.file as nat
}

test_native_missing_fields_fire_each if {
	fs := mc006.deny with input as native({"training_data": {"types": ["web text"]}}) with data.govlint.file as nat
	count(fs) == 4
	["governance", "training_data", "size"] in {f.path | some f in fs}
}

test_native_without_block if {
	fs := mc006.deny with input as native({}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "training_data"]
}

test_hf_training_section_with_size_curation_and_datasets if {
	count(mc006.deny) == 0 with input as {"datasets": ["EleutherAI/pile"]}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Training data", 173, "The Pile is a 825GiB general-purpose dataset in English. The Pile was **not** deduplicated.")]}
}

test_hf_training_section_reports_missing_parts_at_its_line if {
	fs := mc006.deny with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Training Data", 137, "**Overview** Llama 3 was pretrained on over 15 trillion tokens of data from publicly available sources.")]}
	count(fs) == 1
	some f in fs
	f.line == 137
	contains(f.msg, "curation, datasets")
}

test_hf_passing_mention if {
	fs := mc006.deny with input as {"datasets": ["teknium/OpenHermes-2.5"]}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Model Description", 38, "Hermes 2 Pro is a retrained version of Nous Hermes 2, consisting of a cleaned version of the OpenHermes 2.5 Dataset.")]}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "training_data"]
	endswith(f.msg, "without the size: add `governance.training_data` or a \"Training Data\" section")
}

test_cyclonedx_datasets if {
	count(mc006.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [
		{"type": "machine-learning-model", "name": "m", "modelCard": {"modelParameters": {"datasets": [{"ref": "train-data"}]}}},
		{"type": "data", "bom-ref": "train-data", "name": "t"},
	]}
		with data.govlint.file as {"format": "cyclonedx"}
}

test_cyclonedx_dangling_ref if {
	fs := mc006.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"modelParameters": {"datasets": [{"ref": "nowhere"}]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "modelParameters", "datasets", 0, "ref"]
}

test_cyclonedx_no_datasets if {
	count(mc006.deny) == 1 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m"}]}
		with data.govlint.file as {"format": "cyclonedx"}
}

test_every_card_is_judged if {
	mc006.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc006.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
