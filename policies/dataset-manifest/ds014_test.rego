package govlint.rules.ds014_test

import data.govlint.rules.ds014
import rego.v1

# TC260-003 binds data for a model offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

params := {"ds014": {"min_entries": 10000, "min_risk_types_covered": 17, "min_per_a1_risk": 200, "min_per_a2_risk": 100, "max_update_interval_days": 7}}

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

good := {"entries": 12500, "risk_types_covered": 17, "fewest_per_a1_risk": 240, "fewest_per_a2_risk": 130, "update_interval_days": 7}

paths(fs) := {f.path[2] | some f in fs}

test_native_large_library_is_quiet if {
	count(ds014.deny) == 0 with input as native({"keyword_library": good})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_small_library_fires if {
	lib := object.union(good, {"entries": 3000, "risk_types_covered": 9})
	r := ds014.deny with input as native({"keyword_library": lib})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	paths(r) == {"entries", "risk_types_covered"}
}

test_each_risk_has_its_own_minimum if {
	lib := object.union(good, {"fewest_per_a1_risk": 199, "fewest_per_a2_risk": 99})
	r := ds014.deny with input as native({"keyword_library": lib})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	paths(r) == {"fewest_per_a1_risk", "fewest_per_a2_risk"}
}

test_a_library_updated_less_than_weekly_fires if {
	r := ds014.deny with input as native({"keyword_library": object.union(good, {"update_interval_days": 30})})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	paths(r) == {"update_interval_days"}
	some f in r
	contains(f.msg, "every 30 days")
}

test_hf_card_missing_counts_fire if {
	r := ds014.deny with input as {"governance": {"keyword_library": {"entries": 20000}}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	paths(r) == {"risk_types_covered", "fewest_per_a1_risk", "fewest_per_a2_risk", "update_interval_days"}
}

test_without_library_not_checked if {
	count(ds014.deny) == 0 with input as native({"sources": []})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_thresholds_are_parameters if {
	lib := {"entries": 500, "risk_types_covered": 5, "fewest_per_a1_risk": 10, "fewest_per_a2_risk": 10, "update_interval_days": 30}
	count(ds014.deny) == 0 with input as native({"keyword_library": lib})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"}
		with data.govlint.params as {"ds014": {"min_entries": 100, "min_risk_types_covered": 5, "min_per_a1_risk": 10, "min_per_a2_risk": 10, "max_update_interval_days": 30}}
}

test_the_manifest_of_a_library_is_judged if {
	ds014.evidence with input as native({"keyword_library": good})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(ds014.no_subject) == 1 with input as native({}) with data.govlint.file as {"format": "native"} with data.govlint.params as params
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
