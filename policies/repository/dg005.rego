# METADATA
# title: The risk level of the scenario is classified
# description: >-
#   Before building, the scenario's risk is classified: the level the organisation assigns (low,
#   medium or high) and why, which decides how much of the security and trustworthiness layer it
#   needs. The repository profile records it once, in `profile.assessment.risk` (`level` and
#   `rationale`). The rule judges a declared assessment; without one, the requirement has no
#   evidence. The roadmap's structure is known here from CAICT's published summary of the report
#   [2nd].
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: "CAICT, 大模型落地路线图研究报告（2024年）, the 现状诊断 (diagnosis) stage — 能力分析 (capability readiness of basic resources, talent and team, strategy planning) and 需求分析 (requirements across the five layers) — as CAICT's published summary of the report describes it"
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, the AI RMF subcategory cited below
# custom:
#   id: DG005
#   severity: warning
#   layer: security-trustworthiness
#   stage: diagnosis
#   frameworks:
#     caict-roadmap-2024: "diagnosis: requirements analysis (security and trustworthiness: risk classification)"
#     nist-ai-600-1: "MP-1.5 (organisational risk tolerances determined and documented)"
#   secondary_source: the stage and its elements follow CAICT's published summary of the roadmap report, not the report's full text
#   remediation: >-
#     Record the risk level and its rationale in `profile.assessment.risk` (`level`: low, medium
#     or high; `rationale`) in govlint.yaml.
#   examples:
#     pass: "profile: {assessment: {risk: {level: medium, rationale: public users; no decision about individuals}}}"
#     fail: "profile: {assessment: {risk: {level: medium}}}"
#   evidence:
#     needs: >-
#       `profile.assessment.risk` (level and rationale) in govlint.yaml
#   i18n:
#     zh-CN:
#       title: 已对应用场景进行风险分级
#       description: >-
#         在建设之前，应对应用场景进行风险分级：组织确定的风险等级（低、中、高）及其理由，据此确定安全可信层面的投入。
#         仓库画像在 `profile.assessment.risk`（`level` 与 `rationale`）
#         中统一记录。本规则判断已声明的评估；未声明时该要求缺少证据。路线图的结构依据中国信通院发布的报告摘要 [2nd]。
#       remediation: >-
#         在 govlint.yaml 的 `profile.assessment.risk` 中记录风险等级及理由（`level`：low、
#         medium 或 high；`rationale`）。
#       evidence: >-
#         govlint.yaml 中的 `profile.assessment.risk`（等级与理由）
#         。
#       clauses:
#         caict-roadmap-2024: "现状诊断：需求分析（安全可信：风险分级）"
#       messages:
#         "the assessment does not classify the risk (profile.assessment.risk.%s)": "评估未进行风险分级（profile.assessment.risk.%s）"
#         "the repository profile declares no assessment (profile.assessment in govlint.yaml)": "仓库画像未声明评估（govlint.yaml 中的 profile.assessment）"
package govlint.repository.dg005

import data.govlint.lib.core
import rego.v1

assessment := a if {
	a := data.govlint.lib.core.profile.assessment
	is_object(a)
}

deny contains {"msg": sprintf("the assessment does not classify the risk (profile.assessment.risk.%s)", [field]), "path": ["profile", "assessment", "risk", field]} if {
	is_object(assessment)
	some field in ["level", "rationale"]
	not core.present(object.get(assessment, ["risk", field], null))
}

# What the rule judges (docs/policies.md, "Evidence"): the repository's declared assessment; a
# repository without one lacks the evidence.
evidence if is_object(assessment)

no_evidence contains "the repository profile declares no assessment (profile.assessment in govlint.yaml)" if not is_object(assessment)
