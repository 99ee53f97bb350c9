package govlint.rules.ds005_test

import data.govlint.rules.ds005
import rego.v1

native(pi) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"personal_information": pi}}

test_native_pi_with_basis_is_quiet if {
	count(ds005.deny) == 0 with input as native({"present": true, "legal_basis": "consent", "sensitive": false}) with data.govlint.file as {"format": "native"}
}

test_native_no_pi_is_quiet if {
	count(ds005.deny) == 0 with input as native({"present": false}) with data.govlint.file as {"format": "native"}
}

test_native_pi_without_basis_fires if {
	r := ds005.deny with input as native({"present": true}) with data.govlint.file as {"format": "native"}
	count(r) == 1
	some f in r
	f.path == ["governance", "personal_information", "legal_basis"]
}

test_sensitive_without_separate_consent_fires if {
	r := ds005.deny with input as native({"present": true, "legal_basis": "consent", "sensitive": true}) with data.govlint.file as {"format": "native"}
	count(r) == 1
	some f in r
	f.path == ["governance", "personal_information", "separate_consent"]
}

test_hf_card_silent_on_pi_fires if {
	r := ds005.deny with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
	count(r) == 1
	some f in r
	f.path == ["governance", "personal_information", "present"]
}

test_hf_card_with_pi_section_is_quiet if {
	count(ds005.deny) == 0 with input as {"license": "mit"}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Personal and Sensitive Information", "level": 3, "line": 30, "words": 9, "text": "Names are replaced by placeholders; no sensitive data."}]}
}

test_hf_card_with_placeholder_section_fires if {
	count(ds005.deny) == 1 with input as {"license": "mit"}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Personal and Sensitive Information", "level": 4, "line": 30, "words": 3, "text": "<!-- State whether... -->\n\n{{ personal_and_sensitive_information | default(\"[More Information Needed]\", true)}}"}]}
}

test_croissant_with_rai_field_is_quiet if {
	count(ds005.deny) == 0 with input as {"@type": "sc:Dataset", "rai:personalSensitiveInformation": "May contain emails."} with data.govlint.file as {"format": "croissant"}
}

test_croissant_without_rai_field_fires if {
	r := ds005.deny with input as {"@type": "sc:Dataset"} with data.govlint.file as {"format": "croissant"}
	count(r) == 1
	some f in r
	f.path == ["rai:personalSensitiveInformation"]
}

test_every_manifest_is_judged if {
	ds005.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	ds005.evidence with input as {} with data.govlint.file as {"format": "croissant"}
}
