package govlint.rules.mc004_test

import data.govlint.rules.mc004
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

sec(heading, text) := {"heading": heading, "level": 2, "line": 5, "words": 5, "text": text}

test_native_missing_both_fires if {
	fs := mc004.deny with input as native({}) with data.govlint.file as nat
	count(fs) == 2
	{f.path | some f in fs} == {["governance", "architecture"], ["governance", "parameter_count"]}
}

test_native_complete_is_quiet if {
	count(mc004.deny) == 0 with input as native({"architecture": "decoder-only transformer", "parameter_count": 7615616512}) with data.govlint.file as nat
}

test_parameter_count_must_be_an_integer if {
	fs := mc004.deny with input as native({"architecture": "decoder-only transformer", "parameter_count": "7.6B"}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "parameter_count"]
	contains(f.msg, "7.6B")
}

test_hf_body_states_both if {
	count(mc004.deny) == 0 with input as {"license": "apache-2.0"}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Introduction", "- Architecture: transformers with RoPE, SwiGLU, RMSNorm\n- Number of Parameters: 7.61B")]}
}

test_hf_chinese_body if {
	count(mc004.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("介绍（Introduction）", "通义千问-7B是70亿参数规模的模型，是基于Transformer的大语言模型。")]}
}

test_hf_token_count_is_not_a_model_size if {
	fs := mc004.deny with input as {"governance": {"architecture": "decoder-only transformer"}}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Training", "Trained on 2.1B tokens of dialogues.")]}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "parameter_count"]
}

test_hf_empty_card_fires if {
	count(mc004.deny) == 2 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
}

test_cyclonedx_architecture if {
	count(mc004.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"modelParameters": {"architectureFamily": "transformer"}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	fs := mc004.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m"}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "modelParameters", "modelArchitecture"]
}

test_every_card_is_judged if {
	mc004.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc004.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
