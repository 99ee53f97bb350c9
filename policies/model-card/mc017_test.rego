package govlint.rules.mc017_test

import data.govlint.rules.mc017
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

sec(heading, text) := {"heading": heading, "level": 2, "line": 10, "words": 10, "text": text}

test_native_methods_are_quiet if {
	count(mc017.deny) == 0 with input as native({"alignment": {"methods": ["SFT", "DPO"]}}) with data.govlint.file as nat
}

test_native_missing_fires if {
	fs := mc017.deny with input as native({"alignment": {"methods": []}}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "alignment"]
}

test_hf_tags_count if {
	count(mc017.deny) == 0 with input as {"tags": ["Mistral", "DPO", "RLHF"]} with data.govlint.file as {"format": "huggingface"}
}

test_hf_body_counts if {
	count(mc017.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Model Details", "The tuned versions use supervised fine-tuning (SFT) and reinforcement learning with human feedback (RLHF) to align with human preferences.")]}
	count(mc017.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("模型介绍", "GLM-4-9B 及其人类偏好对齐的版本 GLM-4-9B-Chat 均表现出较高的性能。")]}
}

test_hf_negative_mention_does_not_count if {
	count(mc017.deny) == 1 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Out-of-scope use", "Unlike this model, ChatGPT was fine-tuned using methods such as Reinforcement Learning from Human Feedback (RLHF).")]}
}

test_cyclonedx_is_not_checked if {
	count(mc017.deny) == 0 with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}

test_cards_are_judged_and_a_bom_lacks_the_evidence if {
	mc017.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc017.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.file as {"format": "native"}
	not mc017.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
