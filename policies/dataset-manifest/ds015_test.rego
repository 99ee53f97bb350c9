package govlint.rules.ds015_test

import data.govlint.rules.ds015
import rego.v1

# TC260-003 binds data for a model offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

params := {"ds015": {
	"min_generated_content_questions": 2000, "min_generated_content_risk_types": 31, "min_per_a1_a2_risk": 50, "min_per_other_risk": 20,
	"min_should_refuse_questions": 500, "min_should_refuse_risk_types": 17, "min_should_refuse_per_risk": 20,
	"min_should_not_refuse_questions": 500, "min_should_not_refuse_per_topic": 20, "max_update_interval_days": 31,
}}

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

good := {
	"update_interval_days": 30,
	"generated_content": {"questions": 2400, "risk_types_covered": 31, "fewest_per_a1_a2_risk": 60, "fewest_per_other_risk": 25},
	"should_refuse": {"questions": 600, "risk_types_covered": 17, "fewest_per_risk": 24},
	"should_not_refuse": {"questions": 600, "fewest_per_topic": 22},
}

with_bank(bank, fields) := object.union(good, {bank: object.union(good[bank], fields)})

paths(fs) := {concat(".", array.slice(f.path, 2, count(f.path))) | some f in fs}

run(banks) := fs if {
	fs := ds015.deny with input as native({"test_banks": banks})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_good_banks_are_quiet if {
	count(run(good)) == 0
}

test_native_small_banks_fire if {
	paths(run(with_bank("generated_content", {"questions": 800, "risk_types_covered": 20}))) == {"generated_content.questions", "generated_content.risk_types_covered"}
	paths(run(with_bank("should_refuse", {"questions": 499}))) == {"should_refuse.questions"}
}

test_each_risk_and_topic_has_its_own_minimum if {
	paths(run(with_bank("generated_content", {"fewest_per_a1_a2_risk": 49, "fewest_per_other_risk": 19}))) == {"generated_content.fewest_per_a1_a2_risk", "generated_content.fewest_per_other_risk"}
	paths(run(with_bank("should_refuse", {"risk_types_covered": 12, "fewest_per_risk": 5}))) == {"should_refuse.risk_types_covered", "should_refuse.fewest_per_risk"}
	paths(run(with_bank("should_not_refuse", {"fewest_per_topic": 3}))) == {"should_not_refuse.fewest_per_topic"}
}

test_update_cadence if {
	paths(run(object.union(good, {"update_interval_days": 90}))) == {"update_interval_days"}
	paths(run(object.remove(good, ["update_interval_days"]))) == {"update_interval_days"}
}

test_hf_card_missing_bank_fires if {
	r := ds015.deny with input as {"governance": {"test_banks": object.remove(good, ["should_not_refuse"])}}
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	paths(r) == {"should_not_refuse"}
}

test_missing_count_fires if {
	paths(run(object.union(object.remove(good, ["should_not_refuse"]), {"should_not_refuse": {"questions": 600}}))) == {"should_not_refuse.fewest_per_topic"}
}

test_without_banks_not_checked if {
	count(ds015.deny) == 0 with input as native({})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_thresholds_are_parameters if {
	small := {"ds015": {
		"min_generated_content_questions": 1, "min_generated_content_risk_types": 1, "min_per_a1_a2_risk": 1, "min_per_other_risk": 1,
		"min_should_refuse_questions": 1, "min_should_refuse_risk_types": 1, "min_should_refuse_per_risk": 1,
		"min_should_not_refuse_questions": 1, "min_should_not_refuse_per_topic": 1, "max_update_interval_days": 365,
	}}
	banks := {
		"update_interval_days": 90,
		"generated_content": {"questions": 5, "risk_types_covered": 3, "fewest_per_a1_a2_risk": 1, "fewest_per_other_risk": 1},
		"should_refuse": {"questions": 5, "risk_types_covered": 2, "fewest_per_risk": 1},
		"should_not_refuse": {"questions": 5, "fewest_per_topic": 1},
	}
	count(ds015.deny) == 0 with input as native({"test_banks": banks})
		with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"} with data.govlint.params as small
}

test_the_manifest_of_the_banks_is_judged if {
	ds015.evidence with input as native({"test_banks": good}) with data.govlint.profile as cn_market with data.govlint.file as {"format": "native"}
	count(ds015.no_subject) == 1 with input as native({}) with data.govlint.file as {"format": "native"}
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
