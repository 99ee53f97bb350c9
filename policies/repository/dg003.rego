# METADATA
# title: Compute resources are planned
# description: >-
#   The roadmap's readiness assessment covers the basic resources (基础资源) a deployment needs,
#   compute first: the accelerators and capacity for training and serving, and where they run.
#   The repository profile records the plan once, in `profile.assessment.resources.compute`. The
#   rule judges a declared assessment; without one, the requirement has no evidence. The
#   roadmap's structure is known here from CAICT's published summary of the report [2nd].
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: "CAICT, 大模型落地路线图研究报告（2024年）, the 现状诊断 (diagnosis) stage — 能力分析 (capability readiness of basic resources, talent and team, strategy planning) and 需求分析 (requirements across the five layers) — as CAICT's published summary of the report describes it"
# custom:
#   id: DG003
#   severity: warning
#   layer: infrastructure
#   stage: diagnosis
#   frameworks:
#     caict-roadmap-2024: "diagnosis: capability readiness (basic resources: compute)"
#   secondary_source: the stage and its elements follow CAICT's published summary of the roadmap report, not the report's full text
#   remediation: >-
#     Describe the compute planned for training and serving in
#     `profile.assessment.resources.compute` in govlint.yaml.
#   examples:
#     pass: "profile: {assessment: {resources: {compute: 8 x H800 in the Ulanqab cluster for serving}}}"
#     fail: "profile: {assessment: {resources: {data: support tickets}}}"
#   evidence:
#     needs: >-
#       `profile.assessment.resources.compute` in govlint.yaml
#   i18n:
#     zh-CN:
#       title: 已规划算力资源
#       description: >-
#         依据路线图能力就绪度评估中的“基础资源”要素，首先是算力：训练与推理所需的加速卡、容量及部署位置。
#         仓库画像在 `profile.assessment.resources.compute` 中统一记录算力规划。
#         本规则判断已声明的评估；未声明时该要求缺少证据。路线图的结构依据中国信通院发布的报告摘要 [2nd]。
#       remediation: >-
#         在 govlint.yaml 的 `profile.assessment.resources.compute` 中说明训练与推理的算力规划。
#       evidence: >-
#         govlint.yaml 中的 `profile.assessment.resources.compute`。
#       clauses:
#         caict-roadmap-2024: "现状诊断：能力就绪度（基础资源：算力）"
#       messages:
#         "the assessment does not plan the compute resources (profile.assessment.resources.compute)": "评估未规划算力资源（profile.assessment.resources.compute）"
#         "the repository profile declares no assessment (profile.assessment in govlint.yaml)": "仓库画像未声明评估（govlint.yaml 中的 profile.assessment）"
package govlint.repository.dg003

import data.govlint.lib.core
import rego.v1

assessment := a if {
	a := data.govlint.lib.core.profile.assessment
	is_object(a)
}

deny contains {"msg": "the assessment does not plan the compute resources (profile.assessment.resources.compute)", "path": ["profile", "assessment", "resources", "compute"]} if {
	is_object(assessment)
	not core.present(object.get(assessment, ["resources", "compute"], null))
}

# What the rule judges (docs/policies.md, "Evidence"): the repository's declared assessment; a
# repository without one lacks the evidence.
evidence if is_object(assessment)

no_evidence contains "the repository profile declares no assessment (profile.assessment in govlint.yaml)" if not is_object(assessment)
