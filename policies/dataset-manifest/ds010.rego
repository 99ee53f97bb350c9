# METADATA
# title: Croissant-RAI files carry the core responsible-AI properties
# description: >-
#   A Croissant file that declares Croissant-RAI — it conforms to the RAI specification or uses
#   any RAI property — describes the data collection, personal and sensitive information, biases,
#   limitations and intended use cases. Every spelling the specification and real files use is
#   accepted: `rai:X`, the full IRI, a bare or context-aliased `X`, and the specification's
#   alternative names (`rai:useCases` for `rai:dataUseCases`).
# related_resources:
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-rai-spec.html
#     description: Croissant-RAI 1.0, RAI property information
# custom:
#   id: DS010
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: data transparency"
#     nist-ai-600-1: "MP-2.3, MS-2.11 (data provenance, bias and limitations documentation)"
#   remediation: >-
#     Add the missing RAI properties, e.g. `"rai:dataBiases"`, `"rai:dataLimitations"`,
#     `"rai:dataUseCases"`, `"rai:dataCollection"`, `"rai:personalSensitiveInformation"`.
#   examples:
#     pass: '{"rai:dataCollection": "...", "rai:personalSensitiveInformation": "...", "rai:dataBiases": "...", "rai:dataLimitations": "...", "rai:dataUseCases": "..."}'
#     fail: '{"rai:dataBiases": "Bias 1", "rai:dataCollection": "Crawled"}'
#   evidence:
#     needs: >-
#       the core responsible-AI properties of a Croissant file that declares Croissant-RAI; other
#       files have nothing to judge
#   i18n:
#     zh-CN:
#       title: Croissant-RAI 文件须包含核心负责任人工智能属性
#       description: >-
#         声明采用 Croissant-RAI（conformsTo RAI 规范或使用了任一 RAI 属性）的 Croissant 文件，应说明数据采集过程、个人与敏感信息、
#         数据偏差、局限性和预期用途。接受规范及实际文件中的各种写法：`rai:X`、完整 IRI、裸名或 @context 别名，以及规范中的另一名称
#         （如 `rai:useCases` 与 `rai:dataUseCases`）。依据 MLCommons Croissant-RAI 1.0 规范，对应《大模型落地路线图研究报告（2024年）》
#         安全可信层的数据透明度要求。
#         亦对应 NIST AI 600-1 MP-2.3、MS-2.11 关于记录数据来源、偏差与局限性的要求。
#       remediation: >-
#         补充缺失的 RAI 属性，如 `"rai:dataBiases"`、`"rai:dataLimitations"`、`"rai:dataUseCases"`、`"rai:dataCollection"`、
#         `"rai:personalSensitiveInformation"`。
#       evidence: >-
#         声明 Croissant-RAI 的 Croissant 文件中的核心负责任 AI 属性；
#         其他文件无需判断。
#       clauses:
#         caict-roadmap-2024: "安全可信：数据透明"
#       messages:
#         "the file declares Croissant-RAI but has no `rai:%s`": "该文件声明采用 Croissant-RAI，但缺少 `rai:%s`"
#         "not a Croissant file": "不是 Croissant 文件"
#         "the Croissant file does not declare the Croissant-RAI vocabulary": "Croissant 文件未声明 Croissant-RAI 词汇表"
package govlint.rules.ds010

import data.govlint.lib.dataset
import rego.v1

required := ["dataCollection", "personalSensitiveInformation", "dataBiases", "dataLimitations", "dataUseCases"]

deny contains {"msg": sprintf("the file declares Croissant-RAI but has no `rai:%s`", [name]), "path": dataset.rai_path(name)} if {
	data.govlint.lib.dataset.croissant
	data.govlint.lib.dataset.rai_declared
	some name in required
	not dataset.rai_present(name)
}

# What the rule judges (docs/policies.md, "Evidence"): a Croissant file that declares the RAI
# vocabulary; other files are none of its business.
evidence if {
	data.govlint.lib.dataset.croissant
	data.govlint.lib.dataset.rai_declared
}

no_subject contains "not a Croissant file" if not data.govlint.lib.dataset.croissant

no_subject contains "the Croissant file does not declare the Croissant-RAI vocabulary" if {
	data.govlint.lib.dataset.croissant
	not data.govlint.lib.dataset.rai_declared
}
