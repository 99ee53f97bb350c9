package govlint.rules.ds003_test

import data.govlint.rules.ds003
import rego.v1

# TC260-003 binds data for a model offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

params := {"ds003": {"max_harmful_content_rate": 0.05}}

manifest(sources) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"sources": sources}}

test_native_rate_below_limit_is_quiet if {
	count(ds003.deny) == 0 with input as manifest([{"id": "a", "harmful_content_rate": 0.01}])
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_rate_above_limit_fires_unless_excluded if {
	r := ds003.deny with input as manifest([{"id": "forum", "harmful_content_rate": 0.08}, {"id": "old", "harmful_content_rate": 0.2, "excluded": true}])
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "sources", 0, "excluded"]
	contains(f.msg, "`forum`")
}

test_missing_rate_fires_on_hf_card if {
	r := ds003.deny with input as {"license": "mit", "governance": {"sources": [{"name": "tickets"}]}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "sources", 0, "harmful_content_rate"]
}

test_hf_card_excluded_source_without_rate_is_quiet if {
	count(ds003.deny) == 0 with input as {"governance": {"sources": [{"id": "x", "excluded": true}]}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}

test_limit_is_a_parameter if {
	count(ds003.deny) == 0 with input as manifest([{"id": "a", "harmful_content_rate": 0.08}])
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as {"ds003": {"max_harmful_content_rate": 0.1}}
}

test_croissant_is_not_checked if {
	count(ds003.deny) == 0 with input as {"@type": "sc:Dataset", "governance": {"sources": [{"id": "a"}]}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "croissant"} with data.govlint.params as params
}

test_evidence_is_a_used_source if {
	ds003.evidence with input as manifest([{"id": "a", "harmful_content_rate": 0.01}]) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	not ds003.evidence with input as manifest([]) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	not ds003.evidence with input as manifest([{"id": "a", "excluded": true}]) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_data_for_models_offered_elsewhere_is_not_applicable if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"regions": ["US"], "keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds003.deny) == 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	some reason in ds003.not_applicable with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	reason == "the dataset is declared offered in US, not in China (governance.regions)"
	not ds003.evidence with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds003.deny) == 0 with input as m with data.govlint.file as {"format": "native"}
	count(ds003.no_evidence) == 1 with input as m with data.govlint.file as {"format": "native"}
	count(ds003.deny) > 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}
