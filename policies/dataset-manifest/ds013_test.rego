package govlint.rules.ds013_test

import data.govlint.rules.ds013
import rego.v1

params := {"ds013": {"allowed_classifications": ["core", "important", "general"]}}

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

test_native_valid_class_is_quiet if {
	count(ds013.deny) == 0 with input as native({"security_classification": "important"})
		with data.govlint.file as {"format": "native"} with data.govlint.params as params
}

test_native_unknown_class_fires if {
	r := ds013.deny with input as native({"security_classification": "secret"})
		with data.govlint.file as {"format": "native"} with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "security_classification"]
	contains(f.msg, "`secret`")
}

test_hf_card_without_class_fires if {
	count(ds013.deny) == 1 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}

test_hf_card_with_class_is_quiet if {
	count(ds013.deny) == 0 with input as {"governance": {"security_classification": "general"}}
		with data.govlint.file as {"format": "huggingface"} with data.govlint.params as params
}

test_croissant_is_not_checked if {
	count(ds013.deny) == 0 with input as {"@type": "sc:Dataset"} with data.govlint.file as {"format": "croissant"} with data.govlint.params as params
}

test_manifests_are_judged_and_croissant_lacks_the_evidence if {
	ds013.evidence with input as {} with data.govlint.file as {"format": "native"} with data.govlint.params as params
	not ds013.evidence with input as {} with data.govlint.file as {"format": "croissant"} with data.govlint.params as params
}
