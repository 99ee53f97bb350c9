package govlint.rules.mc016_test

import data.govlint.rules.mc016
import rego.v1

market := {"regions": ["EU"]}

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

test_native_url_is_quiet if {
	count(mc016.deny) == 0 with input as native({"training_data_summary_url": "https://acme.example/summary"}) with data.govlint.profile as market with data.govlint.file as nat
}

test_native_missing_fires if {
	fs := mc016.deny with input as native({}) with data.govlint.profile as market with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "training_data_summary_url"]
}

test_not_a_url_fires if {
	fs := mc016.deny with input as {"governance": {"training_data_summary_url": "see wiki"}} with data.govlint.profile as market with data.govlint.file as {"format": "huggingface"}
	count(fs) == 1
	some f in fs
	contains(f.msg, "see wiki")
}

test_hf_body_link_counts if {
	count(mc016.deny) == 0 with input as {}
		with data.govlint.profile as market with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Training Data", "level": 2, "line": 80, "words": 8, "text": "See the [public summary of training content](https://acme.example/summary)."}]}
}

test_cyclonedx_is_not_checked if {
	count(mc016.deny) == 0 with input as {"bomFormat": "CycloneDX"} with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"}
}

test_cards_are_judged_and_a_bom_lacks_the_evidence if {
	mc016.evidence with input as {} with data.govlint.profile as market with data.govlint.file as {"format": "huggingface"}
	mc016.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.profile as market with data.govlint.file as {"format": "native"}
	not mc016.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.profile as market with data.govlint.file as {"format": "cyclonedx"}
}

# Scope by market: the requirement binds a model offered in the EU only.
test_a_model_offered_elsewhere_is_not_applicable if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc016.deny) == 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["CN", "US"]}
	count(mc016.not_applicable) == 1 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["CN", "US"]}
	count(mc016.deny) > 0 with input as bare with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["EU"]}
	count(mc016.deny) > 0 with input as object.union(bare, {"governance": {"regions": ["EU"]}}) with data.govlint.file as {"format": "native"} with data.govlint.profile as {"regions": ["CN", "US"]}
}

test_undeclared_markets_lack_the_evidence_and_never_fire if {
	bare := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
	count(mc016.deny) == 0 with input as bare with data.govlint.file as {"format": "native"}
	not mc016.evidence with input as bare with data.govlint.file as {"format": "native"}
	count(mc016.no_evidence) == 1 with input as bare with data.govlint.file as {"format": "native"}
}
