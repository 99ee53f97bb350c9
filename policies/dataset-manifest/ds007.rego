# METADATA
# title: Preprocessing, cleaning and filtering are described
# description: >-
#   The manifest describes how the collected data was cleaned, filtered and deduplicated before
#   training: `governance.preprocessing`, a filled "Data Collection and Processing" (or
#   preprocessing, cleaning, filtering) section of a Hugging Face card, or Croissant-RAI
#   `rai:dataPreprocessingProtocol`.
# related_resources:
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 7(4)
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 2(c) and Annex XII, point 2(c) (data curation methodologies such as cleaning and filtering)
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-rai-spec.html
#     description: Croissant-RAI 1.0, rai:dataPreprocessingProtocol
# custom:
#   id: DS007
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data processing and quality"
#     cn-genai: "Interim Measures Art. 7(4)"
#     eu-ai-act: "Annex XI Section 1, point 2(c); Annex XII, point 2(c)"
#   remediation: >-
#     Describe cleaning, filtering and deduplication in `governance.preprocessing` (a string or a
#     list of steps), or in `rai:dataPreprocessingProtocol` in a Croissant file.
#   examples:
#     pass: "governance: {preprocessing: [MinHash deduplication, toxicity filter]}"
#     fail: "governance: {preprocessing: ''}"
#   evidence:
#     needs: >-
#       `governance.preprocessing` or a processing section, or Croissant
#       `rai:dataPreprocessingProtocol`
#   i18n:
#     zh-CN:
#       title: 须说明数据清洗、过滤与预处理
#       description: >-
#         清单应说明采集后的数据如何清洗、过滤、去重：`governance.preprocessing`、Hugging Face 卡片中已填写的
#         “Data Collection and Processing”等章节，或 Croissant-RAI 的 `rai:dataPreprocessingProtocol`。依据
#         《生成式人工智能服务管理暂行办法》第七条第（四）项“采取有效措施提高训练数据质量，增强训练数据的真实性、准确性、
#         客观性、多样性”，以及欧盟《人工智能法》附件十一第1节第2(c)点与附件十二第2(c)点。
#         对应《大模型落地路线图研究报告（2024年）》数据资源层关于数据处理与数据质量的要求。
#       remediation: >-
#         在 `governance.preprocessing` 中描述清洗、过滤、去重步骤（字符串或步骤列表）；Croissant 文件填写
#         `rai:dataPreprocessingProtocol`。
#       evidence: >-
#         `governance.preprocessing` 或数据处理章节，或 Croissant 的
#         `rai:dataPreprocessingProtocol`。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据处理与质量"
#       messages:
#         "the manifest does not describe preprocessing, cleaning or filtering (`governance.preprocessing`)": "清单未说明数据预处理、清洗或过滤（`governance.preprocessing`）"
#         "the Croissant file does not describe preprocessing (`rai:dataPreprocessingProtocol`)": "Croissant 文件未说明数据预处理（`rai:dataPreprocessingProtocol`）"
package govlint.rules.ds007

import data.govlint.lib.core
import data.govlint.lib.dataset
import rego.v1

section := `(?i)process|cleaning|filtering|normali[sz]ation|curation`

deny contains {"msg": "the manifest does not describe preprocessing, cleaning or filtering (`governance.preprocessing`)", "path": ["governance", "preprocessing"]} if {
	not data.govlint.lib.dataset.croissant
	not core.present(object.get(data.govlint.lib.dataset.gov, "preprocessing", null))
	not dataset.section_filled(section)
}

deny contains {"msg": "the Croissant file does not describe preprocessing (`rai:dataPreprocessingProtocol`)", "path": dataset.rai_path("dataPreprocessingProtocol")} if {
	data.govlint.lib.dataset.croissant
	not dataset.rai_present("dataPreprocessingProtocol")
}

# What the rule judges (docs/policies.md, "Evidence"): every dataset manifest, whatever its format:
# its preprocessing, cleaning and filtering. A manifest that states none of it fails the rule.
evidence := true
