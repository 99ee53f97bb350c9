package govlint.rules.ds001_test

import data.govlint.rules.ds001
import rego.v1

test_hf_card_without_license_fires if {
	count(ds001.deny) == 1 with input as {"task_categories": ["text-generation"]} with data.govlint.file as {"format": "huggingface"}
}

test_hf_card_with_license_is_quiet if {
	count(ds001.deny) == 0 with input as {"license": "cc-by-4.0"} with data.govlint.file as {"format": "huggingface"}
}

test_native_without_license_fires if {
	count(ds001.deny) == 1 with input as {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}}
		with data.govlint.file as {"format": "native"}
}

test_croissant_prefixed_license_is_quiet if {
	count(ds001.deny) == 0 with input as {"@type": "sc:Dataset", "sc:license": "https://creativecommons.org/licenses/by/4.0/"}
		with data.govlint.file as {"format": "croissant"}
}

test_croissant_without_license_fires if {
	count(ds001.deny) == 1 with input as {"@type": "sc:Dataset", "name": "x"} with data.govlint.file as {"format": "croissant"}
}

test_unknown_license_fires if {
	r := ds001.deny with input as {"license": "unknown"} with data.govlint.file as {"format": "huggingface"}
	count(r) == 1
	some f in r
	f.path == ["license"]
}

test_other_without_name_fires if {
	r := ds001.deny with input as {"license": "other"} with data.govlint.file as {"format": "huggingface"}
	count(r) == 1
	some f in r
	f.path == ["license_name"]
}

test_other_with_name_is_quiet if {
	count(ds001.deny) == 0 with input as {"license": "other", "license_name": "acme-internal", "license_link": "LICENSE.md"}
		with data.govlint.file as {"format": "native"}
}

test_other_named_by_collection_field_is_quiet if {
	count(ds001.deny) == 0 with input as {"license": "other", "bigbio_license_shortname": "DUA"} with data.govlint.file as {"format": "huggingface"}
}

test_template_placeholder_license_fires if {
	count(ds001.deny) == 1 with input as {"license": {"license": null}} with data.govlint.file as {"format": "huggingface"}
}

test_every_manifest_is_judged if {
	ds001.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	ds001.evidence with input as {} with data.govlint.file as {"format": "croissant"}
}
