package govlint.rules.mc005_test

import data.govlint.rules.mc005
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

complete := {"modalities": {"input": ["text"], "output": ["text"]}, "formats": {"input": ["chat messages (JSON)"], "output": ["text/plain"]}, "context_window": 32768}

sec(heading, text) := {"heading": heading, "level": 2, "line": 9, "words": 5, "text": text}

test_native_complete_is_quiet if {
	count(mc005.deny) == 0 with input as native(complete) with data.govlint.file as nat
}

test_native_empty_fires_three_times if {
	fs := mc005.deny with input as native({}) with data.govlint.file as nat
	{f.path | some f in fs} == {["governance", "modalities"], ["governance", "formats"], ["governance", "context_window"]}
	count(fs) == 3
}

test_context_window_must_be_an_integer if {
	fs := mc005.deny with input as native(object.union(complete, {"context_window": "32k"})) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "context_window"]
}

test_missing_output_side if {
	fs := mc005.deny with input as native({"modalities": {"input": ["text"]}, "formats": complete.formats, "context_window": 32768}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "modalities", "output"]
}

test_hf_pipeline_tag_and_body if {
	count(mc005.deny) == 0 with input as {"pipeline_tag": "text-generation"}
		with data.govlint.file as {"format": "huggingface", "sections": [
			sec("Prompt Format", "Hermes 2 Pro uses ChatML as the prompt format."),
			sec("Introduction", "- Context Length: Full 131,072 tokens and generation 8192 tokens"),
		]}
}

test_hf_labels_and_chinese_context if {
	count(mc005.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Model Details", "**Input** Models input text only.\n\n**Output** Models generate text and code only.\n\n支持 128K 上下文")]}
}

test_hf_bare_card_fires if {
	fs := mc005.deny with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
	count(fs) == 3
}

test_image_classifier_needs_no_context_window if {
	fs := mc005.deny with input as {"pipeline_tag": "image-classification"} with data.govlint.file as {"format": "huggingface"}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "formats"]
}

test_cyclonedx_formats if {
	count(mc005.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"modelParameters": {"inputs": [{"format": "text/plain"}], "outputs": [{"format": "application/json"}]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	fs := mc005.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"modelParameters": {"inputs": [{"format": "text/plain"}]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "modelParameters", "outputs"]
}

test_every_card_is_judged if {
	mc005.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc005.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
