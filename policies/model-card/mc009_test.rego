package govlint.rules.mc009_test

import data.govlint.rules.mc009
import rego.v1

market := {"regions": ["CN"]}

hf := {"format": "huggingface"}

params := {"mc009": {"min_sample_size": 1000, "min_acceptable_rate": 0.9}}

method(sample, rate) := {"sample_size": sample, "acceptable_rate": rate}

three(sample, rate) := {"manual": method(sample, rate), "keyword": method(1200, 0.95), "classifier": method(1500, 0.96)}

card(sample, rate) := {"license": "mit", "governance": {"evaluation": {"safety": {"generated_content": three(sample, rate)}}}}

test_passing_evaluation_is_quiet if {
	count(mc009.deny) == 0 with input as card(2000, 0.96) with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
}

test_small_manual_sample_fires if {
	fs := mc009.deny with input as card(200, 0.96) with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation", "safety", "generated_content", "manual", "sample_size"]
}

test_low_rate_fires if {
	count(mc009.deny) == 1 with input as card(2000, 0.5) with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
}

test_each_method_has_its_own_threshold_check if {
	g := {"manual": method(1000, 0.9), "keyword": method(999, 0.95), "classifier": method(1000, 0.89)}
	fs := mc009.deny with input as {"governance": {"evaluation": {"safety": {"generated_content": g}}}} with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	{f.path | some f in fs} == {
		["governance", "evaluation", "safety", "generated_content", "keyword", "sample_size"],
		["governance", "evaluation", "safety", "generated_content", "classifier", "acceptable_rate"],
	}
}

# One overall pair of numbers does not show the three sampled tests of §9.3.
test_a_single_overall_pair_is_not_the_three_tests if {
	flat := {"governance": {"evaluation": {"safety": {"generated_content": {"sample_size": 3000, "acceptable_rate": 0.97}}}}}
	fs := mc009.deny with input as flat with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	{f.path[4] | some f in fs} == {"manual", "keyword", "classifier"}
}

test_threshold_is_a_parameter if {
	count(mc009.deny) == 0 with input as card(200, 0.5) with data.govlint.profile as market with data.govlint.file as hf
		with data.govlint.params as {"mc009": {"min_sample_size": 100, "min_acceptable_rate": 0.5}}
}

test_missing_evaluation_fires_on_native if {
	count(mc009.deny) == 1 with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
		with data.govlint.profile as market with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_path_of_a_low_rate if {
	some f in mc009.deny with input as card(2000, 0.5) with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	f.path == ["governance", "evaluation", "safety", "generated_content", "manual", "acceptable_rate"]
}

test_missing_field_fires if {
	g := {"manual": {"sample_size": 2000}, "keyword": method(1200, 0.95), "classifier": method(1500, 0.96)}
	fs := mc009.deny with input as {"governance": {"evaluation": {"safety": {"generated_content": g}}}}
		with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation", "safety", "generated_content", "manual", "acceptable_rate"]
}

test_cyclonedx_is_not_checked if {
	count(mc009.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m"}]}
		with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"} with data.govlint.params as params
}

test_cards_are_judged_and_a_bom_lacks_the_evidence if {
	mc009.evidence with input as {} with data.govlint.profile as market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	mc009.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.profile as market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	not mc009.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"} with data.govlint.params as params
}

# Scope by market: the China evaluation binds a model offered in China only.
test_a_model_offered_outside_china_is_not_applicable if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc009.deny) == 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["US", "EU"]}
	some r in mc009.not_applicable with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["US", "EU"]}
	r == "the model is declared offered in US, EU, not in China (profile.regions in govlint.yaml)"
	not mc009.evidence with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["US"]}
}

test_the_cards_own_markets_win_over_the_profile if {
	in_cn := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": {"regions": ["CN"]}}
	count(mc009.deny) == 1 with input as in_cn with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["US"]}
	out := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": {"regions": ["DE"]}}
	count(mc009.deny) == 0 with input as out with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["CN"]}
	some r in mc009.not_applicable with input as out with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["CN"]}
	r == "the model is declared offered in DE, not in China (governance.regions)"
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc009.deny) == 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params
	not mc009.evidence with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(mc009.no_evidence) == 1 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(mc009.not_applicable) == 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_a_service_declared_not_public_is_not_applicable if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc009.deny) == 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["CN"], "public": false}
	count(mc009.not_applicable) == 1 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.params as params with data.govlint.profile as {"regions": ["CN"], "public": false}
}
