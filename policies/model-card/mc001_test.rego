package govlint.rules.mc001_test

import data.govlint.rules.mc001
import rego.v1

hf := {"format": "huggingface"}

test_fires_without_license if {
	count(mc001.deny) == 1 with input as {"language": "en"} with data.govlint.file as hf
}

test_quiet_with_license if {
	count(mc001.deny) == 0 with input as {"license": "apache-2.0"} with data.govlint.file as hf
}

test_other_needs_name_and_link if {
	count(mc001.deny) == 2 with input as {"license": "other"} with data.govlint.file as hf
}

test_native_manifest if {
	count(mc001.deny) == 1 with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}}
		with data.govlint.file as {"format": "native"}
}

test_cyclonedx_component_without_license if {
	count(mc001.deny) == 1 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m"}]}
		with data.govlint.file as {"format": "cyclonedx"}
}

test_cyclonedx_component_with_license if {
	count(mc001.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "licenses": [{"license": {"id": "MIT"}}]}]}
		with data.govlint.file as {"format": "cyclonedx"}
}

test_path_points_at_license if {
	some f in mc001.deny with input as {"language": "en"} with data.govlint.file as hf
	f.path == ["license"]
}

test_body_license_is_named_in_the_message if {
	some f in mc001.deny with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "协议 (License)", "level": 2, "line": 79, "words": 3, "text": "本仓库的代码依照 Apache-2.0 协议开源"}]}
	contains(f.msg, "协议 (License)")
	contains(f.msg, "line 79")
}

test_free_text_license_is_not_an_id if {
	fs := mc001.deny with input as {"license": "My Own Terms 2.0"} with data.govlint.file as hf
	count(fs) == 1
	some f in fs
	f.path == ["license"]
	contains(f.msg, "not an SPDX")
	not f.severity
}

# A license name names the license: a ModelScope card writes it so; a Hub card is told the id,
# as a warning, never an error.
test_license_names_are_recognised if {
	count(mc001.deny) == 0 with input as {"license": "Apache License 2.0"} with data.govlint.file as {"format": "modelscope"}
	count(mc001.deny) == 0 with input as {"license": "Apache License, Version 2.0"} with data.govlint.file as {"format": "modelscope"}
	fs := mc001.deny with input as {"license": "Apache 2.0"} with data.govlint.file as hf
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	contains(f.msg, "write `apache-2.0`")
	unknown := mc001.deny with input as {"license": "Some License 2.0"} with data.govlint.file as {"format": "modelscope"}
	count(unknown) == 1
}

test_hf_license_ids_pass if {
	count(mc001.deny) == 0 with input as {"license": "llama3.2"} with data.govlint.file as hf
	count(mc001.deny) == 0 with input as {"license": "cc-by-nc-4.0"} with data.govlint.file as hf
}

test_native_manifest_with_license_is_quiet if {
	count(mc001.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "license": "apache-2.0"}
		with data.govlint.file as {"format": "native"}
}

test_cyclonedx_path if {
	some f in mc001.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "library", "name": "x"}, {"type": "machine-learning-model", "name": "m"}]}
		with data.govlint.file as {"format": "cyclonedx"}
	f.path == ["components", 1, "licenses"]
}

test_every_card_is_judged if {
	mc001.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc001.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
