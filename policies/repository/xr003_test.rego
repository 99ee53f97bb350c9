package govlint.repository.xr003_test

import data.govlint.repository.xr003
import rego.v1

card := {"path": "models/m/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {"datasets": ["acme/support-dialogs"]}}

test_missing_manifest_fires if {
	r := xr003.deny with input as {"artifacts": [card]}
	count(r) == 1
	some f in r
	f.file == "models/m/README.md"
	f.path == ["datasets", 0]
}

test_manifest_by_directory_is_quiet if {
	m := {"path": "datasets/support-dialogs/README.md", "kind": "dataset-manifest", "format": "huggingface", "index": 0, "document": {"license": "mit"}}
	count(xr003.deny) == 0 with input as {"artifacts": [card, m]}
}

test_native_manifest_by_name_is_quiet if {
	m := {"path": "data/x.yaml", "kind": "dataset-manifest", "format": "native", "index": 0, "document": {"metadata": {"name": "support-dialogs"}}}
	count(xr003.deny) == 0 with input as {"artifacts": [card, m]}
}

test_governance_training_data_reference_fires_at_its_path if {
	c := {"path": "models/m/model-card.yaml", "kind": "model-card", "format": "native", "index": 0, "document": {
		"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"},
		"governance": {"training_data": {"datasets": [{"name": "acme-web-crawl"}]}},
	}}
	r := xr003.deny with input as {"artifacts": [c]}
	count(r) == 1
	some f in r
	f.path == ["governance", "training_data", "datasets", 0, "name"]
}

test_croissant_manifest_by_name_is_quiet if {
	m := {"path": "data/crawl.json", "kind": "dataset-manifest", "format": "croissant", "index": 0, "document": {"@type": "sc:Dataset", "name": "support-dialogs"}}
	count(xr003.deny) == 0 with input as {"artifacts": [card, m]}
}

test_template_placeholder_reference_is_ignored if {
	c := {"path": "models/t/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {"datasets": [{"dataset_0": null}]}}
	count(xr003.deny) == 0 with input as {"artifacts": [c]}
}

test_evidence_is_a_card_that_names_datasets if {
	e := xr003.evidence with input as {"artifacts": [card]}
	e == {{"file": "models/m/README.md", "index": 0}}
	count(xr003.evidence) == 0 with input as {"artifacts": [{"path": "models/n/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {"license": "mit"}}]}
}
