package govlint.rules.ds014_test

import data.govlint.rules.ds014
import rego.v1

# TC260-003 binds data for a model offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

params := {"ds014": {"min_entries": 10000, "min_risk_types_covered": 17}}

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

test_native_large_library_is_quiet if {
	count(ds014.deny) == 0 with input as native({"keyword_library": {"entries": 12500, "risk_types_covered": 17}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_small_library_fires if {
	r := ds014.deny with input as native({"keyword_library": {"entries": 3000, "risk_types_covered": 9}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 2
	{f.path | some f in r} == {["governance", "keyword_library", "entries"], ["governance", "keyword_library", "risk_types_covered"]}
}

test_hf_card_missing_count_fires if {
	r := ds014.deny with input as {"governance": {"keyword_library": {"entries": 20000}}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "keyword_library", "risk_types_covered"]
}

test_hf_card_without_library_is_quiet if {
	count(ds014.deny) == 0 with input as {"license": "mit"} with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}

test_thresholds_are_parameters if {
	count(ds014.deny) == 0 with input as native({"keyword_library": {"entries": 3000, "risk_types_covered": 9}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as {"ds014": {"min_entries": 1000, "min_risk_types_covered": 5}}
}

test_evidence_is_a_keyword_library if {
	ds014.evidence with input as native({"keyword_library": {}}) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(ds014.no_subject) == 1 with input as native({}) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_data_for_models_offered_elsewhere_is_not_applicable if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"regions": ["US"], "keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds014.deny) == 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	some reason in ds014.not_applicable with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	reason == "the dataset is declared offered in US, not in China (governance.regions)"
	not ds014.evidence with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds014.deny) == 0 with input as m with data.govlint.file as {"format": "native"}
	count(ds014.no_evidence) == 1 with input as m with data.govlint.file as {"format": "native"}
	count(ds014.deny) > 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}
