# Format-neutral access to model cards: Hugging Face front matter, native manifests and
# CycloneDX ML-BOMs all answer the same questions here, so rules never branch on format.
package govlint.lib.model

import rego.v1

default format := ""

format := data.govlint.file.format

# The governance block (Hugging Face front matter or native manifest).
governance := object.get(input, "governance", {}) if format != "cyclonedx"

# CycloneDX: the machine-learning-model components, with their JSON paths.
ml_components contains [["components", i], c] if {
	format == "cyclonedx"
	some i, c in input.components
	c.type == "machine-learning-model"
}

ml_components contains [["metadata", "component"], c] if {
	format == "cyclonedx"
	c := input.metadata.component
	c.type == "machine-learning-model"
}

# License ids and names the card declares.
licenses contains l if {
	format != "cyclonedx"
	is_string(input.license)
	l := input.license
}

licenses contains l if {
	format != "cyclonedx"
	is_array(input.license)
	some l in input.license
	is_string(l)
}

licenses contains l if {
	some [_, c] in ml_components
	is_array(c.licenses)
	some entry in c.licenses
	l := object.get(entry, ["license", "id"], object.get(entry, ["license", "name"], object.get(entry, "expression", null)))
	is_string(l)
}
