# METADATA
# title: Datasets named by a model card have manifests in the repository
# description: >-
#   Each dataset a model card names (Hugging Face `datasets:`, or the governance block's
#   `training_data.datasets`) has a dataset manifest in the repository — an HF dataset card, a
#   Croissant file or a native manifest — found by its name, its dataset id or its directory.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-cards#specifying-a-dataset
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 2(c) (training, testing and validation data, its provenance)
# custom:
#   id: XR003
#   severity: warning
#   kinds: [model-card, dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI Section 1, point 2(c)"
#     caict-roadmap-2024: "data resources: data asset management"
#     cn-genai: "Interim Measures Art. 7(1) (lawful, documented training data sources)"
#   remediation: >-
#     Add a dataset manifest (HF dataset card, Croissant file or `kind: DatasetManifest`) whose
#     name or directory matches the reference, or correct the reference.
#   examples:
#     pass: "card: {datasets: [acme/support-dialogues]}; datasets/support-dialogues/README.md exists"
#     fail: "card: {datasets: [cnn_dailymail]}  # no manifest in the repository"
#   evidence:
#     needs: >-
#       the datasets each model card names (HF `datasets`, `governance.training_data.datasets`)
#       and the dataset manifests in the repository; a card that names none has nothing to judge
#   i18n:
#     zh-CN:
#       title: 模型卡引用的数据集须在仓库中有数据集清单
#       description: >-
#         模型卡引用的每个数据集（Hugging Face `datasets:` 或 governance 块的 `training_data.datasets`）都应在仓库中有对应的数据集清单
#         （HF 数据集卡片、Croissant 文件或原生清单），按名称、数据集 ID 或所在目录匹配。依据欧盟《人工智能法》附件十一第1节第2(c)点
#         （训练数据的来源与特征说明）及《生成式人工智能服务管理暂行办法》第七条，对应《大模型落地路线图研究报告（2024年）》数据资源层的
#         数据资产管理。
#       remediation: >-
#         为该数据集添加数据集清单（HF 数据集卡片、Croissant 文件或 `kind: DatasetManifest`），使其名称或目录与引用一致；或更正引用。
#       evidence: >-
#         各模型卡所列的数据集（HF `datasets`、`governance.training_data.datasets`）
#         及仓库中的数据集清单；未列出数据集的模型卡无需判断。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据资产管理"
#       messages:
#         "dataset `%s` has no manifest in the repository": "数据集 `%s` 在仓库中没有数据集清单"
package govlint.repository.xr003

import data.govlint.lib.dataset
import data.govlint.lib.repository
import rego.v1


deny contains {
	"msg": sprintf("dataset `%s` has no manifest in the repository", [ref]),
	"file": card.path,
	"index": card.index,
	"path": path,
} if {
	some card in data.govlint.lib.repository.cards
	some [ref, path] in repository.dataset_refs(card)
	not has_manifest(ref)
}

known := repository.dataset_names(data.govlint.lib.repository.datasets)

# As `dataset.names_manifest(ref, m)` for some manifest m, by one lookup.
has_manifest(ref) if {
	some form in dataset.ref_forms(ref)
	known[form]
}

# What the rule judges (docs/policies.md, "Evidence"): the cards that name datasets.
evidence contains repository.subject(c) if {
	some c in data.govlint.lib.repository.cards
	count(repository.dataset_refs(c)) > 0
}
