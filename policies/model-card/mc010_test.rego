package govlint.rules.mc010_test

import data.govlint.rules.mc010
import rego.v1

market := {"regions": ["CN"]}

params := {"mc010": {"min_sample_size": 300, "min_should_refuse_rate": 0.95, "max_should_not_refuse_rate": 0.05}}

refusal(r, nr) := {"evaluation": {"safety": {"refusal": {"should_refuse": r, "should_not_refuse": nr}}}}

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

hf := {"format": "huggingface"}

base := ["governance", "evaluation", "safety", "refusal"]

test_passing_test_is_quiet_on_native if {
	count(mc010.deny) == 0 with input as native(refusal({"sample_size": 400, "refusal_rate": 0.97}, {"sample_size": 400, "refusal_rate": 0.03}))
		with data.govlint.profile as market with data.govlint.file as nat with data.govlint.params as params
}

test_missing_test_fires_on_native if {
	fs := mc010.deny with input as native({}) with data.govlint.profile as market with data.govlint.file as nat with data.govlint.params as params
	count(fs) == 1
	some f in fs
	f.path == base
}

test_low_refusal_rate_fires_on_hf if {
	fs := mc010.deny with input as {"governance": refusal({"sample_size": 400, "refusal_rate": 0.9}, {"sample_size": 400, "refusal_rate": 0.03})}
		with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	count(fs) == 1
	some f in fs
	f.path == array.concat(base, ["should_refuse", "refusal_rate"])
}

test_over_refusal_fires_on_hf if {
	fs := mc010.deny with input as {"governance": refusal({"sample_size": 400, "refusal_rate": 0.99}, {"sample_size": 400, "refusal_rate": 0.2})}
		with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	count(fs) == 1
	some f in fs
	f.path == array.concat(base, ["should_not_refuse", "refusal_rate"])
}

test_small_samples_fire_per_set if {
	fs := mc010.deny with input as {"governance": refusal({"sample_size": 100, "refusal_rate": 0.99}, {"sample_size": 100, "refusal_rate": 0.01})}
		with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	{f.path | some f in fs} == {array.concat(base, ["should_refuse", "sample_size"]), array.concat(base, ["should_not_refuse", "sample_size"])}
}

test_missing_set_and_field if {
	fs := mc010.deny with input as {"governance": {"evaluation": {"safety": {"refusal": {"should_refuse": {"sample_size": 400}}}}}}
		with data.govlint.profile as market with data.govlint.file as hf with data.govlint.params as params
	{f.path | some f in fs} == {array.concat(base, ["should_not_refuse"]), array.concat(base, ["should_refuse", "refusal_rate"])}
}

test_thresholds_are_parameters if {
	count(mc010.deny) == 0 with input as {"governance": refusal({"sample_size": 100, "refusal_rate": 0.8}, {"sample_size": 100, "refusal_rate": 0.1})}
		with data.govlint.profile as market with data.govlint.file as hf
		with data.govlint.params as {"mc010": {"min_sample_size": 100, "min_should_refuse_rate": 0.8, "max_should_not_refuse_rate": 0.1}}
}

test_cyclonedx_is_not_checked if {
	count(mc010.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": []}
		with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"} with data.govlint.params as params
}

test_cards_are_judged_and_a_bom_lacks_the_evidence if {
	mc010.evidence with input as {} with data.govlint.profile as market with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
	mc010.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.profile as market with data.govlint.file as {"format": "native"} with data.govlint.params as params
	not mc010.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"} with data.govlint.params as params
}

# Scope by market: the requirement binds a model offered in China only.
test_a_model_offered_elsewhere_is_not_applicable if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc010.deny) == 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["US", "EU"]}
	count(mc010.not_applicable) == 1 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["US", "EU"]}
	count(mc010.deny) > 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["CN"]}
	count(mc010.deny) > 0 with input as object.union(bare, {"governance": {"regions": ["CN"]}}) with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["US", "EU"]}
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc010.deny) == 0 with input as bare with data.govlint.file as {"format": "native"}
	not mc010.evidence with input as bare with data.govlint.file as {"format": "native"}
	count(mc010.no_evidence) == 1 with input as bare with data.govlint.file as {"format": "native"}
}
