# METADATA
# title: A service in China that minors may use prevents their over-reliance and addiction
# description: >-
#   A generative AI service offered to the public in China takes effective measures to prevent
#   minors from relying excessively on it or becoming addicted to it, where minors may use it.
#   Whether they may is declared: `governance.service.minors` of the DeploymentManifest, else
#   `minors` of the repository profile. Where they may, the manifest records
#   `governance.minors_protection.anti_addiction` (time limits, a minors' mode…) and, optionally,
#   how minors are identified (`age_identification`). A service declared not for minors is out of
#   it; one that does not say lacks the evidence. Scope: a service offered to the public in China
#   (its `service`, else the repository profile).
# related_resources:
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 10 (effective measures to prevent minor users from over-relying on or becoming addicted to the service)
# custom:
#   id: DP022
#   severity: error
#   kinds: [deployment-config]
#   layer: application-services
#   stage: application-deployment
#   frameworks:
#     cn-genai: "Interim Measures Art. 10 (minors: prevent over-reliance and addiction)"
#     caict-roadmap-2024: "application services: user rights protection"
#   secondary_source: >-
#     Art. 10's text was not read in the official source; its content is confirmed by secondary
#     summaries (Xinhua, law-firm notes).
#   remediation: >-
#     Record `governance.minors_protection.anti_addiction` in the DeploymentManifest, or declare
#     `service.minors: false` (or `profile.minors: false`) when minors may not use the service.
#   examples:
#     pass: "governance: {service: {public: true, regions: [CN], minors: true}, minors_protection: {anti_addiction: Minors' mode with a 40-minute daily limit and no use from 22:00 to 06:00}}"
#     fail: "governance: {service: {public: true, regions: [CN], minors: true}}"
#   evidence:
#     needs: >-
#       `governance.service.minors` (else `minors` in the repository profile) and, where minors may
#       use the service, `governance.minors_protection.anti_addiction`, in the DeploymentManifest
#       of a service offered to the public in China
#   i18n:
#     zh-CN:
#       title: 未成年人可使用的境内服务须防止其过度依赖或沉迷
#       description: >-
#         面向中国境内公众提供的生成式人工智能服务，未成年人可能使用时，应采取有效措施防范未成年人用户过度依赖或者沉迷生成式人工智能
#         服务。是否允许未成年人使用由 DeploymentManifest 的 `governance.service.minors` 声明，否则取仓库画像的 `minors`。允许时，清单应
#         记录 `governance.minors_protection.anti_addiction`（时长限制、未成年人模式等），可另记未成年人识别方式 `age_identification`。
#         声明不面向未成年人的服务不适用；未声明的记为缺少证据。依据《生成式人工智能服务管理暂行办法》第十条（其内容经二手资料印证）。
#       remediation: >-
#         在 DeploymentManifest 中记录 `governance.minors_protection.anti_addiction`；未成年人不可使用时，声明 `service.minors: false`
#         （或 `profile.minors: false`）。
#       evidence: >-
#         面向境内公众服务的 DeploymentManifest 中的 `governance.service.minors`（否则仓库画像的 `minors`），以及未成年人可使用时的
#         `governance.minors_protection.anti_addiction`。
#       clauses:
#         caict-roadmap-2024: "应用服务：用户权益保护"
#       messages:
#         "minors may use the service (%s), but no measure against their over-reliance or addiction is recorded (governance.minors_protection.anti_addiction)": "未成年人可使用该服务（%s），但未记录防范其过度依赖或沉迷的措施（governance.minors_protection.anti_addiction）"
#         "the service is declared not for minors (%s: false)": "服务已声明不面向未成年人（%s: false）"
#         "the service does not declare whether minors may use it (governance.service.minors, or minors in the repository profile)": "服务未声明未成年人是否可以使用（governance.service.minors，或仓库画像的 minors）"
package govlint.rules.dp022

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

measures := deploy.g(["minors_protection", "anti_addiction"])

deny contains {
	"msg": sprintf("minors may use the service (%s), but no measure against their over-reliance or addiction is recorded (governance.minors_protection.anti_addiction)", [data.govlint.lib.deploy.minors_source]),
	"path": deploy.gpath(["minors_protection", "anti_addiction"]),
} if {
	data.govlint.lib.deploy.cn_scope
	data.govlint.lib.deploy.declared_minors == true
	not core.present(measures)
}

# What the rule judges (docs/policies.md, "Evidence"): the minors' protection of a service in
# China that minors may use.
evidence if {
	data.govlint.lib.deploy.cn_scope
	data.govlint.lib.deploy.declared_minors == true
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

not_applicable contains sprintf("the service is declared not for minors (%s: false)", [data.govlint.lib.deploy.minors_source]) if {
	data.govlint.lib.deploy.cn_scope
	data.govlint.lib.deploy.declared_minors == false
}

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_evidence contains "the service does not declare whether minors may use it (governance.service.minors, or minors in the repository profile)" if {
	data.govlint.lib.deploy.cn_scope
	not is_boolean(data.govlint.lib.deploy.declared_minors)
}

no_subject contains r if r := data.govlint.lib.deploy.no_service
