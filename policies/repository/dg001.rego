# METADATA
# title: The scenario and its requirements are analysed across the five layers
# description: >-
#   Before building, the roadmap's diagnosis stage analyses the scenario the models serve and its
#   requirements in each of the five CAICT layers (infrastructure, data resources, algorithm
#   models, application services, security and trustworthiness). The repository profile records
#   it once, in govlint.yaml: `profile.assessment.scenario` and `profile.assessment.requirements`
#   with one entry per layer. The rule judges a declared assessment; without one, the requirement
#   has no evidence (it is not a finding). The roadmap's structure is known here from CAICT's
#   published summary of the report, not its full text [2nd].
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: "CAICT, 大模型落地路线图研究报告（2024年）, the 现状诊断 (diagnosis) stage — 能力分析 (capability readiness of basic resources, talent and team, strategy planning) and 需求分析 (requirements across the five layers) — as CAICT's published summary of the report describes it"
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, the AI RMF subcategory cited below
# custom:
#   id: DG001
#   severity: warning
#   layer: application-services
#   stage: diagnosis
#   frameworks:
#     caict-roadmap-2024: "diagnosis: requirements analysis across the five layers (infrastructure, data resources, algorithm models, application services, security and trustworthiness)"
#     nist-ai-600-1: "MP-1.1 (intended purposes and context documented)"
#   secondary_source: the stage and its elements follow CAICT's published summary of the roadmap report, not the report's full text
#   remediation: >-
#     Describe the scenario in `profile.assessment.scenario` and the requirements of each layer
#     in `profile.assessment.requirements` (`infrastructure`, `data-resources`,
#     `algorithm-models`, `application-services`, `security-trustworthiness`) in govlint.yaml.
#   examples:
#     pass: "profile: {assessment: {scenario: Support assistant for ACME customers, requirements: {infrastructure: 8 x H800 for serving, data-resources: support tickets 2021-2024, algorithm-models: a 7B chat model, application-services: web chat and app, security-trustworthiness: CN filing and content safety}}}"
#     fail: "profile: {assessment: {scenario: Support assistant for ACME customers}}"
#   evidence:
#     needs: >-
#       `profile.assessment.scenario` and `profile.assessment.requirements` (one entry per CAICT
#       layer) in govlint.yaml
#   i18n:
#     zh-CN:
#       title: 已分析应用场景及其在五个层面的需求
#       description: >-
#         依据《大模型落地路线图研究报告（2024年）》现状诊断阶段的需求分析，在建设之前应分析模型所服务的应用场景及其在基础设施、
#         数据资源、算法模型、应用服务、安全可信五个层面的需求。仓库画像在 govlint.yaml 中统一记录：
#         `profile.assessment.scenario` 与按层级填写的
#         `profile.assessment.requirements`。本规则判断已声明的评估；
#         未声明时该要求缺少证据（不作为问题报告）。路线图的结构依据中国信通院发布的报告摘要，而非报告全文 [2nd]。
#       remediation: >-
#         在 govlint.yaml 的 `profile.assessment.scenario` 中描述应用场景，
#         并在 `profile.assessment.requirements` 中按层级（`infrastructure`、
#         `data-resources`、`algorithm-models`、`application-services`、
#         `security-trustworthiness`）写明需求。
#       evidence: >-
#         govlint.yaml 中的 `profile.assessment.scenario` 与
#         `profile.assessment.requirements`（每个层级一项）。
#       clauses:
#         caict-roadmap-2024: "现状诊断：需求分析（基础设施、数据资源、算法模型、应用服务、安全可信五个层面）"
#       messages:
#         "the assessment does not describe the scenario (profile.assessment.scenario)": "评估未描述应用场景（profile.assessment.scenario）"
#         "the assessment does not analyse the requirements of the %s layer (profile.assessment.requirements.%s)": "评估未分析 %s 层面的需求（profile.assessment.requirements.%s）"
#         "the repository profile declares no assessment (profile.assessment in govlint.yaml)": "仓库画像未声明评估（govlint.yaml 中的 profile.assessment）"
package govlint.repository.dg001

import data.govlint.lib.core
import rego.v1

layers := ["infrastructure", "data-resources", "algorithm-models", "application-services", "security-trustworthiness"]

assessment := a if {
	a := data.govlint.lib.core.profile.assessment
	is_object(a)
}

deny contains {"msg": "the assessment does not describe the scenario (profile.assessment.scenario)", "path": ["profile", "assessment", "scenario"]} if {
	is_object(assessment)
	not core.present(object.get(assessment, "scenario", null))
}

deny contains {"msg": sprintf("the assessment does not analyse the requirements of the %s layer (profile.assessment.requirements.%s)", [layer, layer]), "path": ["profile", "assessment", "requirements", layer]} if {
	is_object(assessment)
	some layer in layers
	not core.present(object.get(assessment, ["requirements", layer], null))
}

# What the rule judges (docs/policies.md, "Evidence"): the repository's declared assessment; a
# repository without one lacks the evidence.
evidence if is_object(assessment)

no_evidence contains "the repository profile declares no assessment (profile.assessment in govlint.yaml)" if not is_object(assessment)
