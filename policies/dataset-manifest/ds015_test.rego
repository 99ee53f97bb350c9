package govlint.rules.ds015_test

import data.govlint.rules.ds015
import rego.v1

# TC260-003 binds data for a model offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

params := {"ds015": {"min_generated_content_questions": 2000, "min_generated_content_risk_types": 31, "min_should_refuse_questions": 500, "min_should_not_refuse_questions": 500}}

good := {"generated_content": {"questions": 2400, "risk_types_covered": 31}, "should_refuse": {"questions": 600}, "should_not_refuse": {"questions": 600}}

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

test_native_good_banks_are_quiet if {
	count(ds015.deny) == 0 with input as native({"test_banks": good}) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_small_banks_fire if {
	r := ds015.deny with input as native({"test_banks": object.union(good, {"generated_content": {"questions": 800, "risk_types_covered": 20}, "should_refuse": {"questions": 100}})})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 3
	["governance", "test_banks", "should_refuse", "questions"] in {f.path | some f in r}
}

test_hf_card_missing_bank_fires if {
	r := ds015.deny with input as {"governance": {"test_banks": object.remove(good, ["should_not_refuse"])}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "test_banks", "should_not_refuse"]
}

test_hf_card_missing_count_fires if {
	r := ds015.deny with input as {"governance": {"test_banks": object.union(object.remove(good, ["should_refuse"]), {"should_refuse": {"updated": "2024-12-01"}})}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "test_banks", "should_refuse", "questions"]
}

test_hf_card_without_banks_is_quiet if {
	count(ds015.deny) == 0 with input as {"license": "mit"} with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}

test_thresholds_are_parameters if {
	count(ds015.deny) == 0 with input as native({"test_banks": {"generated_content": {"questions": 10, "risk_types_covered": 1}, "should_refuse": {"questions": 1}, "should_not_refuse": {"questions": 1}}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"}
		with data.govlint.params as {"ds015": {"min_generated_content_questions": 1, "min_generated_content_risk_types": 1, "min_should_refuse_questions": 1, "min_should_not_refuse_questions": 1}}
}

test_evidence_is_a_test_banks if {
	ds015.evidence with input as native({"test_banks": {}}) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(ds015.no_subject) == 1 with input as native({}) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_data_for_models_offered_elsewhere_is_not_applicable if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"regions": ["US"], "keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds015.deny) == 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	some reason in ds015.not_applicable with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	reason == "the dataset is declared offered in US, not in China (governance.regions)"
	not ds015.evidence with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds015.deny) == 0 with input as m with data.govlint.file as {"format": "native"}
	count(ds015.no_evidence) == 1 with input as m with data.govlint.file as {"format": "native"}
	count(ds015.deny) > 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}
