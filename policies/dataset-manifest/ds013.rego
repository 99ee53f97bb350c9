# METADATA
# title: Dataset has a data-security classification
# description: >-
#   The manifest classifies the data under the PRC Data Security Law's graded protection scheme —
#   core, important or general data — so that the matching protection measures apply. The
#   allowed values are a parameter.
# related_resources:
#   - ref: http://www.npc.gov.cn/npc/c30834/202106/7c9af12f51334a73b56d7938f99a788a.shtml
#     description: PRC Data Security Law, Art. 21 (data classification and graded protection)
# custom:
#   id: DS013
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data governance (classification and grading)"
#     cn-genai: "PRC Data Security Law Art. 21"
#   params: [allowed_classifications]
#   remediation: >-
#     Set `governance.security_classification` to `core`, `important` or `general`.
#   examples:
#     pass: "governance: {security_classification: important}"
#     fail: "governance: {security_classification: secret}"
#   evidence:
#     needs: >-
#       `governance.security_classification` (core, important or general) in a dataset card or
#       native manifest
#   i18n:
#     zh-CN:
#       title: 数据集须进行数据安全分类分级
#       description: >-
#         清单应按照《中华人民共和国数据安全法》第二十一条数据分类分级保护制度，将数据标注为核心数据、重要数据或一般数据，以便落实
#         相应保护措施。对应《大模型落地路线图研究报告（2024年）》数据资源层的数据治理要求。允许的取值为参数。
#       remediation: >-
#         将 `governance.security_classification` 设为 `core`（核心数据）、`important`（重要数据）或 `general`（一般数据）。
#       evidence: >-
#         数据集卡片或原生清单中的 `governance.security_classification`（核心、
#         重要或一般）。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据治理（分类分级）"
#       messages:
#         "the manifest has no data-security classification (`governance.security_classification`)": "清单未标明数据安全分类分级（`governance.security_classification`）"
#         "security classification `%v` is not one of %s": "数据安全分类分级 `%v` 不属于以下取值之一：%s"
package govlint.rules.ds013

import rego.v1

allowed := {c | some c in data.govlint.params.ds013.allowed_classifications}

path := ["governance", "security_classification"]

deny contains {"msg": "the manifest has no data-security classification (`governance.security_classification`)", "path": path} if {
	not data.govlint.lib.dataset.croissant
	object.get(data.govlint.lib.dataset.gov, "security_classification", null) == null
}

deny contains {"msg": sprintf("security classification `%v` is not one of %s", [value, concat(", ", sort(allowed))]), "path": path} if {
	value := data.govlint.lib.dataset.gov.security_classification
	not allowed[value]
}

# What the rule judges (docs/policies.md, "Evidence"): the data-security classification of a dataset card or native manifest,
# which fails the rule when it states none. Croissant has no field for it (a native
# DatasetManifest that describes the file does), so a Croissant file alone lacks the evidence.
evidence if not data.govlint.lib.dataset.croissant
