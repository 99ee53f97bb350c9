package govlint.rules.mc014_test

import data.govlint.rules.mc014
import rego.v1

hf(sections) := {"format": "huggingface", "sections": sections}

sec(heading, level, line, text) := {"heading": heading, "level": level, "line": line, "words": 5, "text": text}

test_front_matter_placeholder_fires_with_path if {
	fs := mc014.deny with input as {"license": "mit", "co2_eq_emissions": "[More Information Needed]"} with data.govlint.file as hf([])
	count(fs) == 1
	some f in fs
	f.path == ["co2_eq_emissions"]
}

test_brace_placeholders_of_the_metadata_template if {
	fs := mc014.deny with input as {"license": {"license": null}, "tags": [{"tag_0": null}, "chat"]} with data.govlint.file as hf([])
	{f.path | some f in fs} == {["license"], ["tags", 0]}
}

test_jinja_key_placeholder if {
	fs := mc014.deny with input as {"{\"card_data\":null}": null} with data.govlint.file as hf([])
	count(fs) == 1
	some f in fs
	contains(f.msg, "{card_data}")
}

test_body_placeholder_reports_the_heading_line if {
	fs := mc014.deny with input as {"license": "mit"}
		with data.govlint.file as hf([sec("Uses", 2, 37, ""), sec("Direct Use", 3, 41, "{{ direct_use | default(\"[More Information Needed]\", true)}}")])
	count(fs) == 1
	some f in fs
	f.line == 41
	not f.path
}

test_optional_sections_are_skipped if {
	count(mc014.deny) == 0 with input as {"license": "mit"}
		with data.govlint.file as hf([sec("Model Sources [optional]", 3, 29, "- **Repository:** [More Information Needed]"), sec("Demo", 4, 33, "TODO")])
}

test_chat_templates_in_code_are_not_placeholders if {
	count(mc014.deny) == 0 with input as {"license": "mit", "chat_template": "{{ messages }}"}
		with data.govlint.file as hf([sec("Prompt format", 2, 218, "```\n{{ bos_token }}{% for m in messages %}\n```\nUse `{{ system }}` for the system prompt.")])
}

test_todo_must_be_upper_case if {
	count(mc014.deny) == 0 with input as {} with data.govlint.file as hf([sec("Notes", 2, 5, "A todo list app.")])
	count(mc014.deny) == 1 with input as {} with data.govlint.file as hf([sec("Notes", 2, 5, "TODO: describe the data.")])
}

test_native_manifest if {
	fs := mc014.deny with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": {"limitations": ["TODO"]}}
		with data.govlint.file as {"format": "native"}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "limitations", 0]
	count(mc014.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": {"limitations": ["cut-off 2024"]}}
		with data.govlint.file as {"format": "native"}
}

test_cyclonedx_strings if {
	fs := mc014.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"considerations": {"useCases": ["[More Information Needed]"]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "considerations", "useCases", 0]
}

test_placeholder_deep_in_front_matter_fires if {
	# `extra.a.a…` twelve mappings down.
	nested := {"extra": json.unmarshal(concat("", [concat("", [`{"a":` | some _ in numbers.range(1, 12)]), `"TODO"`, concat("", ["}" | some _ in numbers.range(1, 12)])]))}
	fs := mc014.deny with input as nested with data.govlint.file as hf([])
	count(fs) == 1
	some f in fs
	count(f.path) == 13
}

test_every_card_is_judged if {
	mc014.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc014.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
