# METADATA
# title: Model card declares a license
# description: >-
#   A model card must name the license under which the weights are released: an SPDX id or a
#   Hugging Face license id. `license: other` must come with `license_name` and `license_link`.
#   Without it, downstream users cannot know what they may do with the model.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-cards#specifying-a-license
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI section 1(f)
# custom:
#   id: MC001
#   severity: error
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI 1(f)"
#     caict-roadmap-2024: "algorithm models: model asset management"
#     baseline: hygiene
#   remediation: >-
#     Add `license:` with an SPDX id (e.g. `apache-2.0`) or a Hugging Face license id; with `license: other`, add `license_name` and `license_link`.
#   examples:
#     pass: "license: apache-2.0"
#     fail: "language: en  # no license"
package govlint.rules.mc001

import data.govlint.lib.model
import rego.v1

deny contains {"msg": "the model card declares no license", "path": ["license"]} if {
	model.format != "cyclonedx"
	count(model.licenses) == 0
}

deny contains {"msg": "the machine-learning-model component declares no license", "path": array.concat(path, ["licenses"])} if {
	some [path, c] in model.ml_components
	count([l | some e in object.get(c, "licenses", []); l := e]) == 0
}

deny contains {"msg": sprintf("`license: other` needs `%s` naming the license", [field]), "path": [field]} if {
	"other" in model.licenses
	some field in ["license_name", "license_link"]
	not input[field]
}
