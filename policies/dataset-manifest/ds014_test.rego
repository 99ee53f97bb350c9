package govlint.rules.ds014_test

import data.govlint.rules.ds014
import rego.v1

params := {"ds014": {"min_entries": 10000, "min_risk_types_covered": 17}}

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

test_native_large_library_is_quiet if {
	count(ds014.deny) == 0 with input as native({"keyword_library": {"entries": 12500, "risk_types_covered": 17}})
		with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_small_library_fires if {
	r := ds014.deny with input as native({"keyword_library": {"entries": 3000, "risk_types_covered": 9}})
		with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 2
	{f.path | some f in r} == {["governance", "keyword_library", "entries"], ["governance", "keyword_library", "risk_types_covered"]}
}

test_hf_card_missing_count_fires if {
	r := ds014.deny with input as {"governance": {"keyword_library": {"entries": 20000}}}
		with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "keyword_library", "risk_types_covered"]
}

test_hf_card_without_library_is_quiet if {
	count(ds014.deny) == 0 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}

test_thresholds_are_parameters if {
	count(ds014.deny) == 0 with input as native({"keyword_library": {"entries": 3000, "risk_types_covered": 9}})
		with data.govlint.file as {"format": "native"} with data.govlint.params as {"ds014": {"min_entries": 1000, "min_risk_types_covered": 5}}
}

test_evidence_is_a_keyword_library if {
	ds014.evidence with input as native({"keyword_library": {}}) with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(ds014.no_subject) == 1 with input as native({}) with data.govlint.file as {"format": "native"} with data.govlint.params as params
}
