# METADATA
# title: Dataset manifest declares a license
# description: >-
#   A dataset card, Croissant file or native dataset manifest must state the license of the
#   data, so that its use for training can be checked against the license. `license: unknown`
#   declares that the license is not known, and `license: other` must name the license
#   (`license_name`, `license_link`, or the legacy `license_details`).
# related_resources:
#   - ref: https://huggingface.co/docs/hub/datasets-cards
#   - ref: https://huggingface.co/docs/hub/repositories-licenses
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-spec.html
#     description: Croissant 1.0, required property license
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 7(1)
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
#     Add `license:` (an SPDX or Hugging Face license id; in Croissant, a license URL or id); with
#     `license: other`, add `license_name` and `license_link`.
#   examples:
#     pass: "license: cc-by-4.0"
#     fail: "pretty_name: Support dialogs  # no license"
#   evidence:
#     needs: >-
#       `license` of the dataset card, native manifest or Croissant file (with `license_name` or
#       `license_link` for `other`)
#   i18n:
#     zh-CN:
#       title: 数据集清单须声明许可协议
#       description: >-
#         数据集卡片、Croissant 文件或原生数据集清单应声明数据的许可协议，以便核查其用于训练是否符合许可。依据《生成式人工智能服务
#         管理暂行办法》第七条第（一）项“使用具有合法来源的数据和基础模型”。`license: unknown` 表示许可不明；`license: other`
#         须用 `license_name`、`license_link`（或旧字段 `license_details`）写明具体协议。
#         对应《大模型落地路线图研究报告（2024年）》数据资源层关于数据合规的要求。
#       remediation: >-
#         添加 `license:`（SPDX 或 Hugging Face 许可 ID；Croissant 中为许可 URL 或 ID）；使用 `license: other` 时补充
#         `license_name` 与 `license_link`。
#       evidence: >-
#         数据集卡片、原生清单或 Croissant 文件中的 `license`（`other` 时须有 `license_name` 或
#         `license_link`）。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据合规"
#       messages:
#         "the dataset manifest declares no license": "数据集清单未声明许可协议"
#         "the license is declared as `unknown`: the terms under which the data may be used are not known": "许可协议声明为 `unknown`：数据的使用条件不明"
#         "`license: other` does not name the license (`license_name` or `license_link`)": "`license: other` 未写明具体许可协议（`license_name` 或 `license_link`）"
package govlint.rules.ds001

import data.govlint.lib.core
import rego.v1

deny contains {"msg": "the dataset manifest declares no license", "path": ["license"]} if {
	count(data.govlint.lib.dataset.licenses) == 0
}

deny contains {"msg": "the license is declared as `unknown`: the terms under which the data may be used are not known", "path": ["license"]} if {
	some l in data.govlint.lib.dataset.licenses
	lower(l) == "unknown"
}

deny contains {"msg": "`license: other` does not name the license (`license_name` or `license_link`)", "path": ["license_name"]} if {
	not data.govlint.lib.dataset.croissant
	some l in data.govlint.lib.dataset.licenses
	lower(l) == "other"
	not names_license
}

# The license named elsewhere: `license_name`, `license_link`, the legacy `license_details`, or
# a dataset-collection field such as BigBIO's `bigbio_license_shortname`.
names_license if {
	some key, v in input
	regex.match(`(?i)license_?(name|link|details|url|short_?name)$`, key)
	core.present(v)
}

# What the rule judges (docs/policies.md, "Evidence"): every dataset manifest, whatever its format:
# its license. A manifest that states none of it fails the rule.
evidence := true
