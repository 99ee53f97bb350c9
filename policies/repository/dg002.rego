# METADATA
# title: Accountable roles and the team are named
# description: >-
#   The roadmap's readiness assessment covers the talent and team (人才团队) a deployment needs. The
#   repository profile names the accountable owner (`profile.owner`) and the roles of the team
#   that carries the work (`profile.assessment.team`, each with a role and a name), once for
#   every artifact. The rule judges a declared assessment; without one, the requirement has no
#   evidence. The roadmap's structure is known here from CAICT's published summary of the report
#   [2nd].
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: "CAICT, 大模型落地路线图研究报告（2024年）, the 现状诊断 (diagnosis) stage — 能力分析 (capability readiness of basic resources, talent and team, strategy planning) and 需求分析 (requirements across the five layers) — as CAICT's published summary of the report describes it"
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, the AI RMF subcategory cited below
# custom:
#   id: DG002
#   severity: warning
#   layer: security-trustworthiness
#   stage: diagnosis
#   frameworks:
#     caict-roadmap-2024: "diagnosis: capability readiness (talent and team)"
#     nist-ai-600-1: "GV-2.1 (roles and responsibilities documented)"
#   secondary_source: the stage and its elements follow CAICT's published summary of the roadmap report, not the report's full text
#   remediation: >-
#     Name the accountable owner in `profile.owner` and the team's roles in
#     `profile.assessment.team` (`{role, name}`) in govlint.yaml.
#   examples:
#     pass: "profile: {owner: {name: LLM Platform Team, email: llm-platform@acme.example}, assessment: {team: [{role: business owner, name: Li Wei}, {role: security, name: Zhang Min}]}}"
#     fail: "profile: {assessment: {scenario: Support assistant}}"
#   evidence:
#     needs: >-
#       `profile.owner` and `profile.assessment.team` (role and name of each) in govlint.yaml
#   i18n:
#     zh-CN:
#       title: 已明确责任角色与团队
#       description: >-
#         依据路线图能力就绪度评估中的“人才团队”要素，仓库画像统一记录责任人（`profile.owner`）
#         及承担工作的团队角色（`profile.assessment.team`，每项含角色与姓名）
#         。本规则判断已声明的评估；未声明时该要求缺少证据。路线图的结构依据中国信通院发布的报告摘要 [2nd]。
#       remediation: >-
#         在 govlint.yaml 的 `profile.owner` 中指明责任人，并在 `profile.assessment.team`（
#         `{role, name}`）中列出团队角色。
#       evidence: >-
#         govlint.yaml 中的 `profile.owner` 与 `profile.assessment.team`（各角色及人员）
#         。
#       clauses:
#         caict-roadmap-2024: "现状诊断：能力就绪度（人才团队）"
#       messages:
#         "the repository profile names no accountable owner (profile.owner)": "仓库画像未指明责任人（profile.owner）"
#         "the assessment names no roles of the team (profile.assessment.team)": "评估未列出团队角色（profile.assessment.team）"
#         "the repository profile declares no assessment (profile.assessment in govlint.yaml)": "仓库画像未声明评估（govlint.yaml 中的 profile.assessment）"
package govlint.repository.dg002

import data.govlint.lib.core
import rego.v1

assessment := a if {
	a := data.govlint.lib.core.profile.assessment
	is_object(a)
}

deny contains {"msg": "the repository profile names no accountable owner (profile.owner)", "path": ["profile", "owner"]} if {
	is_object(assessment)
	not core.present(object.get(data.govlint.lib.core.profile, "owner", null))
}

deny contains {"msg": "the assessment names no roles of the team (profile.assessment.team)", "path": ["profile", "assessment", "team"]} if {
	is_object(assessment)
	not core.present(object.get(assessment, "team", null))
}

# What the rule judges (docs/policies.md, "Evidence"): the repository's declared assessment; a
# repository without one lacks the evidence.
evidence if is_object(assessment)

no_evidence contains "the repository profile declares no assessment (profile.assessment in govlint.yaml)" if not is_object(assessment)
