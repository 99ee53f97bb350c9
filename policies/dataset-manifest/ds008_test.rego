package govlint.rules.ds008_test

import data.govlint.rules.ds008
import rego.v1

params := {"ds008": {
	"task_categories": ["text-generation", "image-segmentation", "question-answering"],
	"legacy_task_categories": ["sequence-modeling"],
	"size_categories": ["n<1K", "1M<n<10M"],
	"annotations_creators": ["crowdsourced", "expert-generated", "no-annotation"],
	"source_datasets_pattern": `^(original|extended(\|[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?)?|[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9_.-]+)?)$`,
}}

hf := {"format": "huggingface"}

test_hf_card_with_vocabulary_values_is_quiet if {
	count(ds008.deny) == 0 with input as {
		"task_categories": ["image-segmentation", "sequence-modeling"],
		"size_categories": ["n<1K"],
		"annotations_creators": ["crowdsourced", "expert-generated"],
		"source_datasets": ["original", "extended|wikipedia", "laion/laion-2b"],
	}
		with data.govlint.file as hf with data.govlint.params as params
}

test_hf_card_with_unknown_values_fires if {
	r := ds008.deny with input as {"task_categories": ["chatbot"], "size_categories": "about 2M", "source_datasets": ["web crawl"]}
		with data.govlint.file as hf with data.govlint.params as params
	count(r) == 3
	{f.path | some f in r} == {["task_categories", 0], ["size_categories"], ["source_datasets", 0]}
}

test_template_placeholder_fires if {
	r := ds008.deny with input as {"task_categories": [{"task_0": null}]} with data.govlint.file as hf with data.govlint.params as params
	count(r) == 1
	some f in r
	contains(f.msg, "must hold strings")
}

test_native_manifest_fires if {
	r := ds008.deny with input as {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "annotations_creators": ["humans"]}
		with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["annotations_creators", 0]
}

test_native_manifest_is_quiet if {
	count(ds008.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "size_categories": ["1M<n<10M"]}
		with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_croissant_is_not_checked if {
	count(ds008.deny) == 0 with input as {"@type": "sc:Dataset", "task_categories": ["chatbot"]}
		with data.govlint.file as {"format": "croissant"} with data.govlint.params as params
}

test_evidence_is_a_tag_value if {
	ds008.evidence with input as {"task_categories": ["text-generation"]} with data.govlint.file as hf with data.govlint.params as params
	count(ds008.no_subject) == 1 with input as {"license": "mit"} with data.govlint.file as hf with data.govlint.params as params
	count(ds008.no_subject) == 1 with input as {} with data.govlint.file as {"format": "croissant"} with data.govlint.params as params
}
