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
