package govlint.rules.mc007_test

import data.govlint.rules.mc007
import rego.v1

hf := {"format": "huggingface"}

good := {"task": {"type": "text-generation"}, "dataset": {"type": "cais/mmlu", "name": "MMLU"}, "metrics": [{"type": "accuracy", "value": 71.4}]}

card(results) := {"model-index": [{"name": "m", "results": results}]}

test_complete_result_is_quiet if {
	count(mc007.deny) == 0 with input as card([good]) with data.govlint.file as hf
}

test_missing_dataset_name_fires_with_path if {
	r := {"task": good.task, "dataset": {"type": "cais/mmlu"}, "metrics": good.metrics}
	fs := mc007.deny with input as card([good, r]) with data.govlint.file as hf
	count(fs) == 1
	some f in fs
	f.path == ["model-index", 0, "results", 1, "dataset", "name"]
}

test_metric_without_value if {
	r := {"task": good.task, "dataset": good.dataset, "metrics": [{"type": "accuracy"}]}
	fs := mc007.deny with input as card([r]) with data.govlint.file as hf
	count(fs) == 1
	some f in fs
	f.path == ["model-index", 0, "results", 0, "metrics", 0, "value"]
}

test_no_metrics if {
	r := {"task": {"type": "text-generation"}, "dataset": {"type": "x", "name": "X"}}
	count(mc007.deny) == 1 with input as card([r]) with data.govlint.file as hf
}

test_placeholders_are_not_values if {
	r := {"task": {"type": {"task_type": null}}, "dataset": {"type": "x", "name": "X"}, "metrics": [{"type": "acc", "value": {"metric_value": null}}]}
	count(mc007.deny) == 2 with input as card([r]) with data.govlint.file as hf
}

test_native_manifest if {
	count(mc007.deny) == 0 with input as object.union({"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}, card([good]))
		with data.govlint.file as {"format": "native"}
	count(mc007.deny) == 1 with input as object.union({"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}, card([{"dataset": {"type": "x", "name": "X"}, "metrics": [{"type": "a", "value": 1}]}]))
		with data.govlint.file as {"format": "native"}
}

test_card_without_model_index_is_quiet if {
	count(mc007.deny) == 0 with input as {"license": "mit"} with data.govlint.file as hf
}

test_evidence_is_a_model_index_result if {
	mc007.evidence with input as {"model-index": [{"name": "m", "results": [{"task": {"type": "t"}}]}]} with data.govlint.file as {"format": "huggingface"}
	count(mc007.no_subject) == 1 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
}
