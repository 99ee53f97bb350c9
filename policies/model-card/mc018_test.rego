package govlint.rules.mc018_test

import data.govlint.rules.mc018
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

owner := {"name": "LLM Platform Team", "email": "llm@acme.example"}

test_native_complete_is_quiet if {
	count(mc018.deny) == 0 with input as native({"owner": owner, "approvals": [{"role": "security", "name": "Zhang Min", "date": "2025-02-24"}]})
		with data.govlint.file as nat
}

test_native_missing_fires_twice if {
	fs := mc018.deny with input as native({}) with data.govlint.file as nat
	{f.path | some f in fs} == {["governance", "owner"], ["governance", "approvals"]}
}

test_approval_date_must_be_iso if {
	fs := mc018.deny with input as native({"owner": owner, "approvals": [{"role": "security", "date": "24/02/2025"}, {"name": "x", "date": "2025-02-25"}]})
		with data.govlint.file as nat
	{f.path | some f in fs} == {["governance", "approvals", 0, "date"], ["governance", "approvals", 1, "role"]}
}

test_hf_contact_section_names_the_owner if {
	fs := mc018.deny with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Model Card Contact", "level": 2, "line": 198, "words": 1, "text": "llm-platform@acme.example"}]}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "approvals"]
}

test_hf_template_contact_does_not_count if {
	count(mc018.deny) == 2 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Model Card Contact", "level": 2, "line": 198, "words": 3, "text": "{{ model_card_contact | default(\"[More Information Needed]\", true)}}"}]}
}

test_cyclonedx_is_not_checked if {
	count(mc018.deny) == 0 with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}

test_cards_are_judged_and_a_bom_lacks_the_evidence if {
	mc018.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc018.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}} with data.govlint.file as {"format": "native"}
	not mc018.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
