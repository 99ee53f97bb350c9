# METADATA
# title: Croissant file has the required dataset properties
# description: >-
#   A Croissant file carries the properties the Croissant specification requires at dataset level:
#   `@context`, `@type` (schema.org Dataset), `conformsTo` naming Croissant 1.0 or 1.1, `name`,
#   `description`, `license`, `url`, `creator` and `datePublished`. Prefixed (`sc:name`,
#   `dct:conformsTo`) and full-IRI spellings are accepted. A missing `license` is reported by
#   DS001, not twice.
# related_resources:
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-spec.html
#     description: Croissant 1.0, Dataset-level information, Required properties
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-spec-1.1.html
#     description: Croissant 1.1, Dataset-level information, Required properties
# custom:
#   id: DS009
#   severity: error
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data asset catalogue and metadata"
#   remediation: >-
#     Add the missing property; declare `"conformsTo": "http://mlcommons.org/croissant/1.1"` (or
#     1.0) and `"@type": "sc:Dataset"`.
#   examples:
#     pass: '{"@context": {...}, "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.1", "name": "x", "description": "...", "license": "https://creativecommons.org/licenses/by/4.0/", "url": "https://x", "creator": {"@type": "Organization", "name": "X"}, "datePublished": "2024-12-10"}'
#     fail: '{"@type": "sc:Dataset", "name": "x"}'
#   evidence:
#     needs: >-
#       the core properties of a Croissant file (`@context`, `@type`, `conformsTo`, `name`,
#       `description`, `url`, `creator`, `datePublished`); other manifests have nothing to judge
#   i18n:
#     zh-CN:
#       title: Croissant 文件须包含规范要求的数据集属性
#       description: >-
#         Croissant 文件应包含规范要求的数据集级属性：`@context`、`@type`（schema.org Dataset）、声明 Croissant 1.0 或 1.1 的
#         `conformsTo`、`name`、`description`、`license`、`url`、`creator`、`datePublished`，接受 `sc:`、`dct:` 前缀及完整 IRI
#         写法（缺失 `license` 由 DS001 报告，不重复）。依据 MLCommons Croissant 1.0/1.1 规范“数据集级信息—必需属性”，对应《大模型落地路线图研究报告（2024年）》
#         数据资源层的数据资产元数据管理。
#       remediation: >-
#         补齐缺失属性；声明 `"conformsTo": "http://mlcommons.org/croissant/1.1"`（或 1.0）及 `"@type": "sc:Dataset"`。
#       evidence: >-
#         Croissant 文件的核心属性（`@context`、`@type`、`conformsTo`、
#         `name`、`description`、`url`、`creator`、`datePublished`）
#         ；其他格式的清单无需判断。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据资产目录与元数据"
#       messages:
#         "the Croissant file has no `@context`": "Croissant 文件缺少 `@context`"
#         "`@type` is %s, not schema.org Dataset": "`@type` 为 %s，不是 schema.org Dataset"
#         "the Croissant file does not declare `conformsTo` a Croissant version": "Croissant 文件未以 `conformsTo` 声明所遵循的 Croissant 版本"
#         "`conformsTo` names %s, not Croissant 1.0 or 1.1": "`conformsTo` 声明的是 %s，不是 Croissant 1.0 或 1.1"
#         "the Croissant file has no `%s`": "Croissant 文件缺少 `%s`"
#         "not a Croissant file": "不是 Croissant 文件"
package govlint.rules.ds009

import data.govlint.lib.core
import data.govlint.lib.dataset
import rego.v1

# `license` is required too; DS001 reports it.
required := ["name", "description", "url", "creator", "datePublished"]

dataset_types := {"sc:Dataset", "schema:Dataset", "Dataset", "https://schema.org/Dataset", "http://schema.org/Dataset", "schema.org/Dataset"}

croissant_versions := `^https?://mlcommons\.org/croissant/1\.[01]/?$`

deny contains {"msg": "the Croissant file has no `@context`", "path": ["@context"]} if {
	data.govlint.lib.dataset.croissant
	not core.present(object.get(input, "@context", null))
}

deny contains {"msg": sprintf("`@type` is %s, not schema.org Dataset", [json.marshal(object.get(input, "@type", null))]), "path": ["@type"]} if {
	data.govlint.lib.dataset.croissant
	not dataset_type
}

dataset_type if {
	some t in dataset.as_list(object.get(input, "@type", []))
	dataset_types[t]
}

deny contains {"msg": "the Croissant file does not declare `conformsTo` a Croissant version", "path": [dataset.croissant_key(input, "conformsTo")]} if {
	data.govlint.lib.dataset.croissant
	count(dataset.conforms_to(input)) == 0
}

deny contains {"msg": sprintf("`conformsTo` names %s, not Croissant 1.0 or 1.1", [json.marshal(dataset.conforms_to(input))]), "path": [dataset.croissant_key(input, "conformsTo")]} if {
	data.govlint.lib.dataset.croissant
	count(dataset.conforms_to(input)) > 0
	not croissant_version
}

croissant_version if {
	some c in dataset.conforms_to(input)
	regex.match(croissant_versions, c)
}

deny contains {"msg": sprintf("the Croissant file has no `%s`", [name]), "path": [name]} if {
	data.govlint.lib.dataset.croissant
	some name in required
	not core.present(object.get(input, dataset.croissant_key(input, name), null))
}

# What the rule judges (docs/policies.md, "Evidence"): a Croissant file; other manifests are none
# of its business.
evidence if data.govlint.lib.dataset.croissant

no_subject contains "not a Croissant file" if not data.govlint.lib.dataset.croissant
