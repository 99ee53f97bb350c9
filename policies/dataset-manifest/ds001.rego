# METADATA
# title: Dataset manifest declares a license
# description: >-
#   A dataset card, Croissant file or native dataset manifest must state the license of the
#   data, so that its use for training can be checked against the license.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/datasets-cards
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-spec.html
# custom:
#   id: DS001
#   severity: error
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data compliance"
#     cn-genai: "Interim Measures Art. 7(1)"
#   remediation: >-
#     Add `license:` (an SPDX or Hugging Face license id; in Croissant, a license URL or id).
#   examples:
#     pass: "license: cc-by-4.0"
#     fail: "pretty_name: Support dialogs  # no license"
package govlint.rules.ds001

import data.govlint.lib.dataset
import rego.v1

deny contains {"msg": "the dataset manifest declares no license", "path": ["license"]} if {
	count(dataset.licenses) == 0
}
