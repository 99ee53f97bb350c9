package govlint.repository.xr005_test

import data.govlint.repository.xr005
import rego.v1

pi_dataset := {"path": "datasets/support-dialogs/README.md", "kind": "dataset-manifest", "format": "huggingface", "index": 0, "document": {
	"license": "other", "governance": {"dataset_id": "acme/support-dialogues", "personal_information": {"present": true, "legal_basis": "consent"}},
}}

clean_dataset := {"path": "datasets/manuals/README.md", "kind": "dataset-manifest", "format": "huggingface", "index": 0, "document": {
	"license": "cc-by-4.0", "governance": {"personal_information": {"present": false}},
}}

card(g) := {"path": "models/chat/model-card.yaml", "kind": "model-card", "format": "native", "index": 0, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "chat"},
	"datasets": ["acme/support-dialogues", "manuals"], "governance": g,
}}

service(filter) := {"path": "deploy/app.yaml", "kind": "deployment-config", "format": "native", "index": 0, "document": {
	"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "app"},
	"governance": {"model": {"name": "chat", "revision": "1"}, "content_safety": {"output_personal_information_filter": filter}},
}}

run(artifacts) := r if {
	r := xr005.deny with input as {"artifacts": artifacts}
}

test_mitigated_and_filtered_is_quiet if {
	count(run([pi_dataset, clean_dataset, card({"personal_information_mitigation": "redacted"}), service(true)])) == 0
}

test_card_without_mitigation_fires_on_the_card if {
	r := run([pi_dataset, card({}), service(true)])
	count(r) == 1
	some f in r
	f.file == "models/chat/model-card.yaml"
	f.path == ["governance", "personal_information_mitigation"]
	contains(f.msg, "`acme/support-dialogues`")
}

test_service_without_filter_fires_on_the_deployment if {
	r := run([pi_dataset, card({"personal_information_mitigation": "redacted"}), service(false)])
	count(r) == 1
	some f in r
	f.file == "deploy/app.yaml"
	f.path == ["governance", "content_safety", "output_personal_information_filter"]
}

test_dataset_without_pi_is_quiet if {
	count(run([clean_dataset, card({}), service(false)])) == 0
}

test_training_data_reference_by_name_counts if {
	c := {"path": "models/chat/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
		"governance": {"training_data": {"datasets": [{"name": "support-dialogs"}]}},
	}}
	r := run([pi_dataset, c])
	count(r) == 1
	some f in r
	f.path == ["governance", "personal_information_mitigation"]
}

test_one_finding_per_model if {
	hf := {"path": "models/chat/README.md", "kind": "model-card", "format": "huggingface", "index": 0, "document": {
		"datasets": ["acme/support-dialogues"], "governance": {"model_id": "chat"},
	}}
	r := run([pi_dataset, card({}), hf])
	count(r) == 1
	some f in r
	f.file == "models/chat/model-card.yaml"
}

test_evidence_is_the_chain_from_data_to_service if {
	e := xr005.evidence with input as {"artifacts": [pi_dataset, card({"personal_information_mitigation": "redacted"}), service(true)]}
	count(e) == 3
}

test_a_dataset_that_does_not_say_lacks_the_evidence if {
	count(xr005.no_evidence) == 1 with input as {"artifacts": [{"path": "d/README.md", "kind": "dataset-manifest", "format": "huggingface", "index": 0, "document": {"license": "mit"}}]}
	count(xr005.not_applicable) == 1 with input as {"artifacts": [{"path": "d/README.md", "kind": "dataset-manifest", "format": "huggingface", "index": 0, "document": {"governance": {"personal_information": {"present": false}}}}]}
}
