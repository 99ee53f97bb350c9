package govlint.rules.ds007_test

import data.govlint.rules.ds007
import rego.v1

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

test_native_with_steps_is_quiet if {
	count(ds007.deny) == 0 with input as native({"preprocessing": ["dedup", "toxicity filter"]}) with data.govlint.file as {"format": "native"}
}

test_native_blank_fires if {
	r := ds007.deny with input as native({"preprocessing": " "}) with data.govlint.file as {"format": "native"}
	count(r) == 1
	some f in r
	f.path == ["governance", "preprocessing"]
}

test_hf_card_with_processing_section_is_quiet if {
	count(ds007.deny) == 0 with input as {"license": "mit"}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Data Collection and Processing", "level": 4, "line": 9, "words": 8, "text": "Deduplicated with MinHash and filtered by language id."}]}
}

test_hf_card_with_template_section_fires if {
	count(ds007.deny) == 1 with input as {"license": "mit"}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Data Collection and Processing", "level": 4, "line": 9, "words": 3, "text": "{{ data_collection_and_processing_section | default(\"[More Information Needed]\", true)}}"}]}
}

test_croissant_with_protocol_is_quiet if {
	count(ds007.deny) == 0 with input as {"@type": "sc:Dataset", "rai:dataPreprocessingProtocol": ["dedup"]} with data.govlint.file as {"format": "croissant"}
}

test_croissant_context_alias_is_quiet if {
	count(ds007.deny) == 0 with input as {
		"@context": {"rai": "http://mlcommons.org/croissant/RAI/", "preprocessing": "rai:dataPreprocessingProtocol"},
		"@type": "sc:Dataset",
		"preprocessing": "dedup",
	}
		with data.govlint.file as {"format": "croissant"}
}

test_croissant_without_protocol_fires if {
	r := ds007.deny with input as {"@type": "sc:Dataset"} with data.govlint.file as {"format": "croissant"}
	count(r) == 1
	some f in r
	f.path == ["rai:dataPreprocessingProtocol"]
}

test_every_manifest_is_judged if {
	ds007.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	ds007.evidence with input as {} with data.govlint.file as {"format": "croissant"}
}
