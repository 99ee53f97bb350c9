package govlint.rules.ds009_test

import data.govlint.rules.ds009
import rego.v1

cr := {"format": "croissant"}

complete := {
	"@context": {"@vocab": "https://schema.org/", "dct": "http://purl.org/dc/terms/"},
	"@type": "sc:Dataset",
	"conformsTo": "http://mlcommons.org/croissant/1.1",
	"name": "x",
	"description": "d",
	"license": "https://creativecommons.org/licenses/by/4.0/",
	"url": "https://example.com/x",
	"creator": {"@type": "Organization", "name": "X"},
	"datePublished": "2024-12-10",
}

test_complete_file_is_quiet if {
	count(ds009.deny) == 0 with input as complete with data.govlint.file as cr
}

test_prefixed_spellings_and_conformance_list_are_quiet if {
	doc := {
		"@context": {"sc": "https://schema.org/"},
		"@type": "https://schema.org/Dataset",
		"dct:conformsTo": ["http://mlcommons.org/croissant/1.0", "http://mlcommons.org/croissant/RAI/1.0"],
		"sc:name": "x",
		"sc:description": "d",
		"sc:license": "mit",
		"sc:url": "https://example.com/x",
		"sc:creator": [{"name": "A"}],
		"sc:datePublished": "2024",
	}
	count(ds009.deny) == 0 with input as doc with data.govlint.file as cr
}

test_language_map_name_is_present if {
	count(ds009.deny) == 0 with input as object.union(complete, {"name": {"en": "x", "de": "y"}}) with data.govlint.file as cr
}

test_missing_properties_fire if {
	r := ds009.deny with input as object.remove(complete, ["creator", "datePublished", "license"]) with data.govlint.file as cr
	count(r) == 2
	{f.path | some f in r} == {["creator"], ["datePublished"]}
}

test_wrong_version_fires if {
	r := ds009.deny with input as object.union(complete, {"conformsTo": "http://mlcommons.org/croissant/0.8"}) with data.govlint.file as cr
	count(r) == 1
	some f in r
	f.path == ["conformsTo"]
}

test_wrong_type_and_no_conformance_fire if {
	r := ds009.deny with input as object.remove(object.union(complete, {"@type": "sc:CreativeWork"}), ["conformsTo"]) with data.govlint.file as cr
	count(r) == 2
}

test_native_manifest_is_not_checked if {
	count(ds009.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}}
		with data.govlint.file as {"format": "native"}
}

test_hf_card_is_not_checked if {
	count(ds009.deny) == 0 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
}

test_evidence_is_a_croissant_file if {
	ds009.evidence with input as complete with data.govlint.file as cr
	count(ds009.no_subject) == 1 with input as {} with data.govlint.file as {"format": "huggingface"}
}
