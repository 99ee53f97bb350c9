package govlint.rules.ds004_test

import data.govlint.rules.ds004
import rego.v1

# TC260-003 binds data for a model offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

params := {"ds004": {"min_manual_sample_size": 4000, "min_manual_pass_rate": 0.96, "min_automated_sample_ratio": 0.1, "min_automated_pass_rate": 0.98}}

good := {"manual": {"sample_size": 4000, "pass_rate": 0.97}, "automated": {"sample_ratio": 0.1, "pass_rate": 0.99}}

native(checks) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"spot_checks": checks}}

test_native_passing_checks_are_quiet if {
	count(ds004.deny) == 0 with input as native(good) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_small_sample_and_low_rate_fire if {
	r := ds004.deny with input as native({"manual": {"sample_size": 500, "pass_rate": 0.9}, "automated": {"sample_ratio": 0.1, "pass_rate": 0.99}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 2
	{f.path | some f in r} == {["governance", "spot_checks", "manual", "sample_size"], ["governance", "spot_checks", "manual", "pass_rate"]}
}

test_native_missing_automated_check_fires if {
	r := ds004.deny with input as native({"manual": {"sample_size": 4000, "pass_rate": 0.97}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "spot_checks", "automated"]
}

test_missing_field_fires if {
	r := ds004.deny with input as native({"manual": {"sample_size": 4000}, "automated": {"sample_ratio": 0.1, "pass_rate": 0.99}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "spot_checks", "manual", "pass_rate"]
}

test_hf_card_without_checks_fires if {
	r := ds004.deny with input as {"license": "mit"} with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "spot_checks"]
}

test_hf_card_with_checks_is_quiet if {
	count(ds004.deny) == 0 with input as {"license": "mit", "governance": {"spot_checks": good}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}

test_thresholds_are_parameters if {
	count(ds004.deny) == 0 with input as native({"manual": {"sample_size": 500, "pass_rate": 0.9}, "automated": {"sample_ratio": 0.01, "pass_rate": 0.9}})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"}
		with data.govlint.params as {"ds004": {"min_manual_sample_size": 100, "min_manual_pass_rate": 0.5, "min_automated_sample_ratio": 0.01, "min_automated_pass_rate": 0.5}}
}

test_croissant_is_not_checked if {
	count(ds004.deny) == 0 with input as {"@type": "sc:Dataset"} with data.govlint.profile as cn_market with data.govlint.file as {"format": "croissant"} with data.govlint.params as params
}

test_manifests_are_judged_and_croissant_lacks_the_evidence if {
	ds004.evidence with input as {} with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	not ds004.evidence with input as {} with data.govlint.profile as cn_market with data.govlint.file as {"format": "croissant"} with data.govlint.params as params
}

test_data_for_models_offered_elsewhere_is_not_applicable if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"regions": ["US"], "keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds004.deny) == 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	some reason in ds004.not_applicable with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
	reason == "the dataset is declared offered in US, not in China (governance.regions)"
	not ds004.evidence with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	m := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"keyword_library": {}, "test_banks": {}, "sources": [{"id": "s", "type": "web", "harmful_content_rate": 0.5}]}}
	count(ds004.deny) == 0 with input as m with data.govlint.file as {"format": "native"}
	count(ds004.no_evidence) == 1 with input as m with data.govlint.file as {"format": "native"}
	count(ds004.deny) > 0 with input as m with data.govlint.file as {"format": "native"} with data.govlint.profile as cn_market
}
