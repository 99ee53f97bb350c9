package govlint.rules.ds002_test

import data.govlint.rules.ds002
import rego.v1

native := {"format": "native"}

hf := {"format": "huggingface"}

manifest(sources) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"sources": sources}}

test_native_typed_sources_with_evidence_are_quiet if {
	count(ds002.deny) == 0 with input as manifest([
		{"id": "a", "type": "open-source", "license": "CC-BY-4.0"},
		{"id": "b", "type": "self-collected", "collection_record": "https://wiki/x"},
		{"id": "c", "type": "commercial", "contract": "CTR-1"},
	])
		with data.govlint.file as native
}

test_native_missing_evidence_fires_at_the_field if {
	r := ds002.deny with input as manifest([{"id": "tickets", "type": "self-collected"}]) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "sources", 0, "collection_record"]
	contains(f.msg, "`tickets`")
}

test_native_bad_or_missing_type_fires if {
	r := ds002.deny with input as manifest([{"id": "a", "type": "scraped"}, {"name": "b"}]) with data.govlint.file as native
	count(r) == 2
	{f.path | some f in r} == {["governance", "sources", 0, "type"], ["governance", "sources", 1, "type"]}
}

test_hf_card_without_sources_fires if {
	r := ds002.deny with input as {"license": "mit"} with data.govlint.file as hf
	count(r) == 1
	some f in r
	f.path == ["governance", "sources"]
}

test_hf_card_prose_source_section_is_named_in_the_message if {
	r := ds002.deny with input as {"license": "mit"}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Source Data", "level": 3, "line": 12, "words": 20, "text": "Tickets exported from the support system in 2024."}]}
	count(r) == 1
	some f in r
	contains(f.msg, "line 12")
}

test_hf_card_with_sources_is_quiet if {
	count(ds002.deny) == 0 with input as {"license": "mit", "governance": {"sources": [{"id": "x", "type": "commercial", "contract": "C-9"}]}}
		with data.govlint.file as hf
}

test_croissant_with_data_collection_is_quiet if {
	count(ds002.deny) == 0 with input as {"@type": "sc:Dataset", "rai:dataCollection": "Crawled from GitHub."}
		with data.govlint.file as {"format": "croissant"}
}

test_croissant_without_data_collection_fires if {
	r := ds002.deny with input as {"@type": "sc:Dataset", "name": "x"} with data.govlint.file as {"format": "croissant"}
	count(r) == 1
	some f in r
	f.path == ["rai:dataCollection"]
}

test_croissant_full_iri_spelling_is_quiet if {
	count(ds002.deny) == 0 with input as {"@type": "sc:Dataset", "http://mlcommons.org/croissant/RAI/dataCollection": "Survey."}
		with data.govlint.file as {"format": "croissant"}
}

test_every_manifest_is_judged if {
	ds002.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	ds002.evidence with input as {} with data.govlint.file as {"format": "croissant"}
}

test_user_input_used_as_training_data_needs_the_users_authorisation if {
	count(ds002.deny) == 0 with input as manifest([{"id": "chats", "type": "user-input", "authorisation_record": "Consent log, terms v3 clause 5"}]) with data.govlint.file as native
	r := ds002.deny with input as manifest([{"id": "chats", "type": "user-input"}]) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "sources", 0, "authorisation_record"]}
}

test_synthetic_data_records_its_generator_and_time_as_a_warning if {
	ok := {"id": "syn", "type": "synthetic", "generator_model": "acme-chat-7b 1.1.0", "generated_at": "2025-01-20"}
	count(ds002.deny) == 0 with input as manifest([ok]) with data.govlint.file as native
	r := ds002.deny with input as manifest([{"id": "syn", "type": "synthetic"}]) with data.govlint.file as native
	{f.path | some f in r} == {["governance", "sources", 0, "generator_model"], ["governance", "sources", 0, "generated_at"]}
	every f in r {
		f.severity == "warning"
	}
}

test_the_message_without_sources_names_what_is_missing if {
	some f in ds002.deny with input as {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}} with data.govlint.file as native
	f.msg == "the manifest records no data sources (`governance.sources`) with their type and evidence"
}
