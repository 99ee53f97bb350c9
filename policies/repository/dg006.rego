# METADATA
# title: Strategy planning names the model route and its goals
# description: >-
#   The roadmap's readiness assessment covers strategy planning (战略规划): how the models are
#   obtained (pre-training, fine-tuning a base model, retrieval over a base model, or a
#   provider's model through its API) and the goals that route is chosen to meet. The repository
#   profile records it once, in `profile.assessment.strategy` (`route` and `goals`). The rule
#   judges a declared assessment; without one, the requirement has no evidence. The roadmap's
#   structure is known here from CAICT's published summary of the report [2nd].
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: "CAICT, 大模型落地路线图研究报告（2024年）, the 现状诊断 (diagnosis) stage — 能力分析 (capability readiness of basic resources, talent and team, strategy planning) and 需求分析 (requirements across the five layers) — as CAICT's published summary of the report describes it"
# custom:
#   id: DG006
#   severity: warning
#   layer: algorithm-models
#   stage: diagnosis
#   frameworks:
#     caict-roadmap-2024: "diagnosis: capability readiness (strategy planning)"
#   secondary_source: the stage and its elements follow CAICT's published summary of the roadmap report, not the report's full text
#   remediation: >-
#     Record the model route and the goals it serves in `profile.assessment.strategy` (`route`,
#     `goals`) in govlint.yaml.
#   examples:
#     pass: "profile: {assessment: {strategy: {route: fine-tune Qwen2.5-7B on support dialogues, goals: answer 80% of tickets without an agent}}}"
#     fail: "profile: {assessment: {strategy: {route: a provider's model through its API}}}"
#   evidence:
#     needs: >-
#       `profile.assessment.strategy` (route and goals) in govlint.yaml
#   i18n:
#     zh-CN:
#       title: 战略规划已明确模型路线及目标
#       description: >-
#         依据路线图能力就绪度评估中的“战略规划”要素，明确模型的获取路线（预训练、基于基座模型微调、
#         基于基座模型的检索增强，或通过接口调用其他提供者的模型）及该路线所服务的目标。仓库画像在
#         `profile.assessment.strategy`（`route` 与 `goals`）
#         中统一记录。本规则判断已声明的评估；未声明时该要求缺少证据。路线图的结构依据中国信通院发布的报告摘要 [2nd]。
#       remediation: >-
#         在 govlint.yaml 的 `profile.assessment.strategy`（`route`、
#         `goals`）中记录模型路线及其目标。
#       evidence: >-
#         govlint.yaml 中的 `profile.assessment.strategy`（路线与目标）
#         。
#       clauses:
#         caict-roadmap-2024: "现状诊断：能力就绪度（战略规划）"
#       messages:
#         "the assessment does not plan the strategy (profile.assessment.strategy.%s)": "评估未进行战略规划（profile.assessment.strategy.%s）"
#         "the repository profile declares no assessment (profile.assessment in govlint.yaml)": "仓库画像未声明评估（govlint.yaml 中的 profile.assessment）"
package govlint.repository.dg006

import data.govlint.lib.core
import rego.v1

assessment := a if {
	a := data.govlint.lib.core.profile.assessment
	is_object(a)
}

deny contains {"msg": sprintf("the assessment does not plan the strategy (profile.assessment.strategy.%s)", [field]), "path": ["profile", "assessment", "strategy", field]} if {
	is_object(assessment)
	some field in ["route", "goals"]
	not core.present(object.get(assessment, ["strategy", field], null))
}

# What the rule judges (docs/policies.md, "Evidence"): the repository's declared assessment; a
# repository without one lacks the evidence.
evidence if is_object(assessment)

no_evidence contains "the repository profile declares no assessment (profile.assessment in govlint.yaml)" if not is_object(assessment)
