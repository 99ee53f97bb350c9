# METADATA
# title: Datasets named by a model card have manifests in the repository
# description: >-
#   Each dataset a model card names (Hugging Face `datasets:`, or the governance block's
#   `training_data.datasets`) has a dataset manifest in the repository — an HF dataset card, a
#   Croissant file or a native manifest — found by its name, its dataset id or its directory.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-cards#specifying-a-dataset
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI section 2(c)
# custom:
#   id: XR003
#   severity: warning
#   kinds: [model-card, dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI 2(c)"
#     caict-roadmap-2024: "data resources: data asset management"
#   remediation: >-
#     Add a dataset manifest (HF dataset card, Croissant file or `kind: DatasetManifest`) whose
#     name or directory matches the reference, or correct the reference.
package govlint.repository.xr003

import data.govlint.lib.dataset
import rego.v1

manifests := [a | some a in input.artifacts; a.kind == "dataset-manifest"]

known contains id if {
	some m in manifests
	some full in dataset.ids(m)
	some id in {full, lower(full)}
}

# References from model cards, as [card, id, path-in-document].
refs contains [card, ref, ["datasets", i]] if {
	some card in input.artifacts
	card.kind == "model-card"
	is_array(card.document.datasets)
	some i, ref in card.document.datasets
	is_string(ref)
}

refs contains [card, ref, ["governance", "training_data", "datasets", i, "name"]] if {
	some card in input.artifacts
	card.kind == "model-card"
	some i, d in object.get(card.document, ["governance", "training_data", "datasets"], [])
	ref := d.name
	is_string(ref)
}

matches(ref) if known[ref]

matches(ref) if known[lower(ref)]

matches(ref) if {
	parts := split(ref, "/")
	known[parts[count(parts) - 1]]
}

deny contains {
	"msg": sprintf("dataset `%s` has no manifest in the repository", [ref]),
	"file": card.path,
	"index": card.index,
	"path": path,
} if {
	some [card, ref, path] in refs
	not matches(ref)
}
