package govlint.rules.mc015_test

import data.govlint.rules.mc015
import rego.v1

market := {"regions": ["EU"]}

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

good := {"url": "https://acme.example/ai/copyright-policy", "tdm_opt_out_honoured": true, "tdm_opt_out_method": "robots.txt and TDMRep"}

test_native_complete_is_quiet if {
	count(mc015.deny) == 0 with input as native({"copyright_policy": good}) with data.govlint.profile as market with data.govlint.file as nat
}

test_native_missing_fires if {
	fs := mc015.deny with input as native({}) with data.govlint.profile as market with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "copyright_policy"]
}

test_opt_outs_not_honoured_fires if {
	fs := mc015.deny with input as {"governance": {"copyright_policy": {"url": "https://acme.example/c", "tdm_opt_out_honoured": false}}}
		with data.govlint.profile as market with data.govlint.file as {"format": "huggingface"}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "copyright_policy", "tdm_opt_out_honoured"]
}

test_incomplete_policy_fires_per_field if {
	fs := mc015.deny with input as {"governance": {"copyright_policy": {"tdm_opt_out_honoured": true}}}
		with data.govlint.profile as market with data.govlint.file as {"format": "huggingface"}
	{f.path | some f in fs} == {["governance", "copyright_policy", "url"], ["governance", "copyright_policy", "tdm_opt_out_method"]}
}

test_hf_copyright_section_addressing_opt_outs if {
	count(mc015.deny) == 0 with input as {}
		with data.govlint.profile as market with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Copyright", "level": 2, "line": 90, "words": 12, "text": "Our crawler honours robots.txt and TDMRep rights reservations; see the policy."}]}
}

test_cyclonedx_is_not_checked if {
	count(mc015.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": []} with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"}
}

test_cards_are_judged_and_a_bom_lacks_the_evidence if {
	mc015.evidence with input as {} with data.govlint.profile as market with data.govlint.file as {"format": "huggingface"}
	mc015.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.profile as market with data.govlint.file as {"format": "native"}
	not mc015.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"}
}

# Scope by market: the requirement binds a model offered in the EU only.
test_a_model_offered_elsewhere_is_not_applicable if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc015.deny) == 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["CN", "US"]}
	count(mc015.not_applicable) == 1 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["CN", "US"]}
	count(mc015.deny) > 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["EU"]}
	count(mc015.deny) > 0 with input as object.union(bare, {"governance": {"regions": ["EU"]}}) with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["CN", "US"]}
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc015.deny) == 0 with input as bare with data.govlint.file as {"format": "native"}
	not mc015.evidence with input as bare with data.govlint.file as {"format": "native"}
	count(mc015.no_evidence) == 1 with input as bare with data.govlint.file as {"format": "native"}
}
