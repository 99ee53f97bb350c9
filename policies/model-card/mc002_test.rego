package govlint.rules.mc002_test

import data.govlint.rules.mc002
import rego.v1

hf := {"format": "huggingface"}

native(extra) := object.union({"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}, extra)

test_relation_without_base_fires_on_native if {
	fs := mc002.deny with input as native({"base_model_relation": "finetune"}) with data.govlint.file as {"format": "native"}
	count(fs) == 1
	some f in fs
	f.path == ["base_model"]
}

test_base_and_relation_are_quiet_on_native if {
	count(mc002.deny) == 0 with input as native({"base_model": "Qwen/Qwen2.5-7B", "base_model_relation": "finetune"})
		with data.govlint.file as {"format": "native"}
}

test_base_without_relation_fires_on_hf if {
	fs := mc002.deny with input as {"base_model": "Qwen/Qwen2.5-7B", "license": "apache-2.0"} with data.govlint.file as hf
	count(fs) == 1
	some f in fs
	f.path == ["base_model_relation"]
}

test_unknown_relation_fires if {
	fs := mc002.deny with input as {"base_model": "a/b", "base_model_relation": "distilled"} with data.govlint.file as hf
	count(fs) == 1
	some f in fs
	contains(f.msg, "distilled")
}

test_quantized_by_counts_as_relation if {
	count(mc002.deny) == 0 with input as {"base_model": "meta-llama/Llama-3.2-1B-Instruct", "quantized_by": "bartowski"} with data.govlint.file as hf
}

test_finetune_text_without_base_fires if {
	fs := mc002.deny with input as {"tags": ["summarization"]}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "legacy", "level": 1, "line": 24, "words": 12, "text": "This model is a fine-tuned version of [t5-base](https://huggingface.co/t5-base) on cnn_dailymail."}]}
	count(fs) == 1
	some f in fs
	contains(f.msg, "fine-tuned")
}

test_base_model_list_for_merge_is_quiet if {
	count(mc002.deny) == 0 with input as {"base_model": ["a/x", "b/y"], "base_model_relation": "merge"} with data.govlint.file as hf
}

test_original_model_is_quiet if {
	count(mc002.deny) == 0 with input as {"license": "mit", "tags": ["pytorch"]} with data.govlint.file as hf
}

test_lineage_block_without_base_fires if {
	count(mc002.deny) == 1 with input as native({"governance": {"lineage": {"third_party_base": true}}}) with data.govlint.file as {"format": "native"}
}

test_cyclonedx_is_not_checked if {
	count(mc002.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m"}]}
		with data.govlint.file as {"format": "cyclonedx"}
}

test_evidence_is_a_derived_model if {
	mc002.evidence with input as {"base_model": "Qwen/Qwen2.5-7B", "base_model_relation": "finetune"} with data.govlint.file as hf
	count(mc002.no_subject) == 1 with input as {"license": "mit"} with data.govlint.file as hf
	not mc002.evidence with input as {"license": "mit"} with data.govlint.file as hf
}
