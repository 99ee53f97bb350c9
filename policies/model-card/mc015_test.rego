package govlint.rules.mc015_test

import data.govlint.rules.mc015
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

good := {"url": "https://acme.example/ai/copyright-policy", "tdm_opt_out_honoured": true, "tdm_opt_out_method": "robots.txt and TDMRep"}

test_native_complete_is_quiet if {
	count(mc015.deny) == 0 with input as native({"copyright_policy": good}) with data.govlint.file as nat
}

test_native_missing_fires if {
	fs := mc015.deny with input as native({}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "copyright_policy"]
}

test_opt_outs_not_honoured_fires if {
	fs := mc015.deny with input as {"governance": {"copyright_policy": {"url": "https://acme.example/c", "tdm_opt_out_honoured": false}}}
		with data.govlint.file as {"format": "huggingface"}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "copyright_policy", "tdm_opt_out_honoured"]
}

test_incomplete_policy_fires_per_field if {
	fs := mc015.deny with input as {"governance": {"copyright_policy": {"tdm_opt_out_honoured": true}}}
		with data.govlint.file as {"format": "huggingface"}
	{f.path | some f in fs} == {["governance", "copyright_policy", "url"], ["governance", "copyright_policy", "tdm_opt_out_method"]}
}

test_hf_copyright_section_addressing_opt_outs if {
	count(mc015.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Copyright", "level": 2, "line": 90, "words": 12, "text": "Our crawler honours robots.txt and TDMRep rights reservations; see the policy."}]}
}

test_cyclonedx_is_not_checked if {
	count(mc015.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": []} with data.govlint.file as {"format": "cyclonedx"}
}

test_cards_are_judged_and_a_bom_lacks_the_evidence if {
	mc015.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc015.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.file as {"format": "native"}
	not mc015.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
