# METADATA
# title: Labeled data documents its annotation process
# description: >-
#   When the data is labeled — `governance.annotation.labeled: true`, or Hugging Face
#   `annotations_creators` naming human or machine annotators — the manifest documents the
#   annotation rules, how annotation quality was assessed, how correctness was verified and, for
#   human annotators, how they were trained. For data of a model offered in China (its
#   `governance.regions`, else the repository profile), TC260-003 §5.3 asks more of human
#   annotation: annotators are vetted (examined, re-examined, suspended when they fail:
#   `annotator_vetting`), annotation and review are separate roles (`separate_review: true`),
#   and the safety annotation rules, apart from the functional ones, cover every risk of
#   Appendix A (`safety_rules.risks_covered`, at least a parameter, 31). A filled "Annotations"
#   section of a Hugging Face card counts for the general record; a Croissant file documents it
#   in `rai:dataAnnotationProtocol`.
# related_resources:
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 8
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §5.3 (annotators, annotation rules, review); GB/T 45654-2025, the corresponding clause, to be read with GB/T 45674-2025 (data annotation security)
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, MS-2.8-002 (document the instructions given to data annotators)
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-rai-spec.html
#     description: Croissant-RAI 1.0, rai:dataAnnotationProtocol
# custom:
#   id: DS006
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data annotation"
#     cn-genai: ["Interim Measures Art. 8", "TC260-003 §5.3 (annotator vetting, separate annotation and review, safety rules over the 31 risks); GB/T 45654-2025 with GB/T 45674-2025"]
#     nist-ai-600-1: "MS-2.8-002 (instructions given to data annotators documented)"
#   params: [min_safety_risks_covered]
#   secondary_source: >-
#     TC260-003 §5.3's annotator vetting, separation of annotation and review, and safety rules
#     over all 31 risks come from secondary summaries and readings of the standard, not its text
#     as read; GB/T 45674-2025's content was not read (only that GB/T 45654 is to be read with
#     it). The rule stays a warning.
#   remediation: >-
#     Fill `governance.annotation` with `rules`, `quality_assessment`, `verification` and (for
#     human annotators) `annotator_training`, and for data of a model offered in China
#     `annotator_vetting`, `separate_review: true` and `safety_rules: {risks_covered: 31}`; or set
#     `labeled: false` when the data carries no labels.
#   examples:
#     pass: "governance: {annotation: {labeled: true, rules: guide-v3, quality_assessment: kappa 0.8, verification: weekly review, annotator_training: 2-day course}}"
#     fail: "annotations_creators: [crowdsourced]  # no annotation record"
#   evidence:
#     needs: >-
#       `governance.annotation` (rules, quality assessment, verification, annotator training) or
#       an annotation section for labeled data, or Croissant `rai:dataAnnotationProtocol`; data
#       declared not labeled (`annotation.labeled: false`, or `annotations_creators` of
#       `no-annotation` / `found` only) is out of it
#   i18n:
#     zh-CN:
#       title: 标注数据须记录标注过程
#       description: >-
#         数据带有标注时（`governance.annotation.labeled: true`，或 Hugging Face `annotations_creators` 指明人工或机器标注），
#         清单应记录标注规则、标注质量评估方法、正确性核验方法，人工标注还应记录标注人员培训。用于在中国境内提供的模型的数据
#         （清单的 `governance.regions`，否则仓库画像），依 TC260-003 5.3 对人工标注另有要求：标注人员经考核上岗、定期复核、不合格者暂停
#         （`annotator_vetting`），标注与审核岗位分离（`separate_review: true`），安全性标注规则独立于功能性标注规则并覆盖附录 A 的全部
#         风险（`safety_rules.risks_covered`，不少于参数，默认 31）；这些细节取自二手解读，GB/T 45674-2025（数据标注安全）的内容未能核读。
#         依据《生成式人工智能服务管理暂行办法》
#         第八条“制定符合本办法要求的清晰、具体、可操作的标注规则；开展数据标注质量评估，抽样核验标注内容的准确性；
#         对标注人员进行必要培训”，以及《生成式人工智能服务安全基本要求》(TC260-003) 5.3 训练数据标注安全要求。
#         对应《大模型落地路线图研究报告（2024年）》数据资源层关于数据标注的要求。
#       remediation: >-
#         在 `governance.annotation` 中填写 `rules`、`quality_assessment`、`verification`，人工标注还需填写
#         `annotator_training`；数据无标注时设置 `labeled: false`。
#       evidence: >-
#         已标注数据的 `governance.annotation`（标注规则、质量评估、核验、
#         标注人员培训）或标注章节，或 Croissant 的 `rai:dataAnnotationProtocol`；
#         声明未标注的数据（`annotation.labeled: false`，或 `annotations_creators` 仅为
#         `no-annotation` / `found`）不适用。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据标注"
#       messages:
#         "the data is labeled but no annotation record is kept (`governance.annotation`: %s)": "数据带有标注，但未保存标注记录（`governance.annotation`：%s）"
#         "the annotation record has no `%s`": "标注记录缺少 `%s`"
#         "annotation and review are not separate roles (`governance.annotation.separate_review: %v`; TC260-003 §5.3)": "标注与审核岗位未分离（`governance.annotation.separate_review: %v`；TC260-003 第 5.3 条）"
#         "the safety annotation rules cover %v risks; the %v risks of Appendix A are expected (`governance.annotation.safety_rules.risks_covered`)": "安全性标注规则覆盖 %v 种风险，应覆盖附录 A 的 %v 种风险（`governance.annotation.safety_rules.risks_covered`）"
#         "the Croissant file describes annotations (`%s`) but not the annotation protocol (`rai:dataAnnotationProtocol`)": "Croissant 文件描述了标注信息（`%s`），但未说明标注规程（`rai:dataAnnotationProtocol`）"
#         "the data is declared not labeled (`governance.annotation.labeled: false`)": "已声明数据未标注（`governance.annotation.labeled: false`）"
#         "the data is declared not labeled (`annotations_creators`: %s)": "已声明数据未标注（`annotations_creators`：%s）"
package govlint.rules.ds006

import data.govlint.lib.core
import data.govlint.lib.dataset
import rego.v1

base := ["governance", "annotation"]

annotation := data.govlint.lib.dataset.gov_block("annotation")

creators := {c | some c in dataset.as_list(object.get(input, "annotations_creators", [])); is_string(c)}

# Creators whose labels were made for this dataset by people.
human_creators := {"crowdsourced", "expert-generated"}

not_annotated := {"no-annotation", "found"}

labeled if annotation.labeled == true

labeled if {
	not is_boolean(object.get(annotation, "labeled", null))
	count(creators - not_annotated) > 0
}

human if count(creators & human_creators) > 0

human if {
	annotation.labeled == true
	count(creators) == 0
}

required contains field if {
	some field in ["rules", "quality_assessment", "verification"]
}

required contains "annotator_training" if human

# TC260-003 §5.3 for the data of a model offered in China: vetted annotators, and safety
# annotation rules of their own.
required contains "annotator_vetting" if {
	human
	data.govlint.lib.dataset.cn_market
}

required contains "safety_rules" if {
	labeled
	data.govlint.lib.dataset.cn_market
}

deny contains {"msg": sprintf("annotation and review are not separate roles (`governance.annotation.separate_review: %v`; TC260-003 §5.3)", [v]), "path": array.concat(base, ["separate_review"])} if {
	not data.govlint.lib.dataset.croissant
	human
	data.govlint.lib.dataset.cn_market
	count(object.keys(annotation) - {"labeled"}) > 0
	v := object.get(annotation, "separate_review", "missing")
	v != true
}

deny contains {"msg": sprintf("the annotation record has no `%s`", ["safety_rules.risks_covered"]), "path": array.concat(base, ["safety_rules", "risks_covered"])} if {
	labeled
	data.govlint.lib.dataset.cn_market
	is_object(annotation.safety_rules)
	not is_number(annotation.safety_rules.risks_covered)
}

deny contains {
	"msg": sprintf("the safety annotation rules cover %v risks; the %v risks of Appendix A are expected (`governance.annotation.safety_rules.risks_covered`)", [n, data.govlint.params.ds006.min_safety_risks_covered]),
	"path": array.concat(base, ["safety_rules", "risks_covered"]),
} if {
	labeled
	data.govlint.lib.dataset.cn_market
	n := object.get(annotation, ["safety_rules", "risks_covered"], null)
	is_number(n)
	n < data.govlint.params.ds006.min_safety_risks_covered
}

missing contains field if {
	some field in required
	not core.present(object.get(annotation, field, null))
}

documented_in_prose if dataset.section_filled(`(?i)annotation`)

deny contains {"msg": sprintf("the data is labeled but no annotation record is kept (`governance.annotation`: %s)", [concat(", ", sort(missing))]), "path": base} if {
	not data.govlint.lib.dataset.croissant
	labeled
	not documented_in_prose
	count(object.keys(annotation) - {"labeled"}) == 0
}

deny contains {"msg": sprintf("the annotation record has no `%s`", [field]), "path": array.concat(base, [field])} if {
	not data.govlint.lib.dataset.croissant
	labeled
	not documented_in_prose
	count(object.keys(annotation) - {"labeled"}) > 0
	some field in missing
}

# Croissant: annotation properties without the protocol that explains them.
annotation_properties := ["dataAnnotationPlatform", "dataAnnotationAnalysis", "annotationsPerItem", "annotatorDemographics", "machineAnnotationTools"]

deny contains {"msg": sprintf("the Croissant file describes annotations (`%s`) but not the annotation protocol (`rai:dataAnnotationProtocol`)", [concat("`, `", used_properties)]), "path": dataset.rai_path("dataAnnotationProtocol")} if {
	data.govlint.lib.dataset.croissant
	count(used_properties) > 0
	not dataset.rai_present("dataAnnotationProtocol")
}

used_properties := [name | some name in annotation_properties; dataset.rai_present(name)]

# What the rule judges (docs/policies.md, "Evidence"): the annotation record of labeled data, or
# a Croissant file's annotation properties. Data declared not labeled is out of it; a manifest
# that says nothing of labeling lacks the evidence.
evidence if {
	not data.govlint.lib.dataset.croissant
	labeled
}

evidence if {
	data.govlint.lib.dataset.croissant
	count(used_properties) > 0
}

evidence if {
	data.govlint.lib.dataset.croissant
	dataset.rai_present("dataAnnotationProtocol")
}

not_applicable contains "the data is declared not labeled (`governance.annotation.labeled: false`)" if {
	not data.govlint.lib.dataset.croissant
	annotation.labeled == false
}

not_applicable contains sprintf("the data is declared not labeled (`annotations_creators`: %s)", [concat(", ", sort(creators))]) if {
	not data.govlint.lib.dataset.croissant
	not is_boolean(object.get(annotation, "labeled", null))
	count(creators) > 0
	count(creators - not_annotated) == 0
}
