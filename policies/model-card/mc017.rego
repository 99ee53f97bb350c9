# METADATA
# title: Model card describes the alignment with human preferences and values
# description: >-
#   A generative model is aligned with human preferences and values before it is offered, and the
#   card says how: `governance.alignment.methods` (SFT, RLHF, DPO, RLAIF, constitution…) or
#   `governance.alignment.description`; a tag such as `rlhf` or `dpo`; or a sentence of the body
#   naming the method ("reinforcement learning with human feedback (RLHF) to align with human
#   preferences", "人类偏好对齐"). Mentions in out-of-scope or limitations sections ("was not
#   fine-tuned with RLHF") do not count. CycloneDX has no field for it; it goes in a native
#   `ModelCard` beside the BOM.
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: CAICT, Large Model Deployment Roadmap Research Report (2024) 《大模型落地路线图研究报告（2024年）》, layer security & trustworthiness (安全可信), stage capability building (能力建设); the report numbers no section for it
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 4(1)
# custom:
#   id: MC017
#   severity: note
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: value alignment (stage: capability building)"
#     cn-genai: "Interim Measures Art. 4(1) (adhere to core socialist values)"
#   remediation: >-
#     Add `governance.alignment` with `methods` (e.g. [SFT, DPO]) and a `description` of the
#     preferences or principles the model was aligned to.
#   examples:
#     pass: "governance: {alignment: {methods: [SFT, DPO], description: preference pairs rated against the service charter}}"
#     fail: "governance: {alignment: {methods: []}}"
#   evidence:
#     needs: >-
#       `governance.alignment` (methods, description), alignment tags or prose, in a Hugging Face
#       or native model card
#   i18n:
#     zh-CN:
#       title: 模型卡须说明与人类偏好和价值观的对齐方法
#       description: >-
#         生成式模型在提供服务前应与人类偏好和价值观对齐，模型卡应说明对齐方式：`governance.alignment.methods`（SFT、RLHF、
#         DPO、RLAIF、宪法式方法等）或 `governance.alignment.description`；或 `rlhf`、`dpo` 等标签；或正文中说明对齐方法的表述
#         （如“基于人类反馈的强化学习”“人类偏好对齐”）。出现在不适用用途或局限性章节中的提及（如“未经 RLHF 微调”）不计。依据
#         《大模型落地路线图研究报告（2024年）》安全可信层、能力建设阶段关于价值对齐的要求，以及《生成式人工智能服务管理暂行办法》
#         第四条第（一）项。
#       remediation: >-
#         补充 `governance.alignment`：`methods`（如 [SFT, DPO]）及对齐所依据的偏好或原则的说明 `description`。
#       evidence: >-
#         Hugging Face 或原生模型卡中的 `governance.alignment`（方法、
#         说明）、对齐标签或相应文字。
#       clauses:
#         caict-roadmap-2024: "安全可信：价值对齐（能力建设阶段）"
#       messages:
#         "the model card does not describe how the model was aligned with human preferences and values: add `governance.alignment`": "模型卡未说明模型如何与人类偏好和价值观对齐：请补充 `governance.alignment`"
package govlint.rules.mc017

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

described if model.filled(model.gov(["alignment", "methods"]))

described if model.filled(model.gov(["alignment", "description"]))

described if {
	some t in data.govlint.lib.model.tags
	t in data.govlint.lib.model.alignment_tags
}

described if regex.match(data.govlint.lib.model.alignment_re, model.affirmative_prose(doc))

deny contains {
	"msg": "the model card does not describe how the model was aligned with human preferences and values: add `governance.alignment`",
	"path": ["governance", "alignment"],
} if {
	not data.govlint.lib.model.cdx
	not described
}

# What the rule judges (docs/policies.md, "Evidence"): the alignment description of a Hugging Face or native card,
# which fails the rule when it states none. A CycloneDX BOM has no field for it (a native ModelCard
# that describes the BOM does), so a BOM alone lacks the evidence.
evidence if not data.govlint.lib.model.cdx
