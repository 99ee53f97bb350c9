# METADATA
# title: A service in China builds on a base model that is itself filed
# description: >-
#   A provider that builds its generative AI service on a base model uses one filed with the
#   competent authority; an application that calls another provider's model through its API is
#   registered against that filed model instead (DP001 checks it shows the model's filing
#   number). The native `DeploymentManifest` of a filed service (`filing.route: filed`, or no
#   route) records `governance.filing.base_model` with the base model's `name` and
#   `filing_number`, or `trained_in_house: true` when the provider trained the model from
#   scratch and its own filing covers it. Scope: a service offered to the public in China
#   (its `service`, else the repository profile); without declared markets it lacks the evidence.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §6 (a base model used for development is one filed with the competent authority); GB/T 45654-2025, the corresponding clause
#   - ref: https://www.cac.gov.cn/
#     description: CAC announcements on filed and registered generative AI services (2025-01-08, 2025-04-08) — registration is for applications that call a filed model's capability directly
# custom:
#   id: DP020
#   severity: error
#   kinds: [deployment-config]
#   layer: algorithm-models
#   stage: application-deployment
#   frameworks:
#     cn-genai: "TC260-003 §6 (base model filed with the competent authority); Interim Measures Art. 7(1) (lawful sources of data and base models); CAC registration announcements"
#     caict-roadmap-2024: "security & trustworthiness: regulatory compliance (filing) of the application"
#   secondary_source: >-
#     TC260-003 §6's wording (the 2023 draft: "不应使用未经主管部门备案的基础模型"; the final text
#     read as "应使用已经主管部门备案的基础模型") and the CAC announcements are known from
#     secondary reprints, not from the texts as read.
#   remediation: >-
#     Record `governance.filing.base_model: {name, filing_number}` (or `trained_in_house: true`)
#     in the DeploymentManifest; build on a filed base model, or register the application as
#     calling a filed model (`filing.route: registered`).
#   examples:
#     pass: "governance: {service: {public: true, regions: [CN]}, filing: {route: filed, base_model: {name: Qwen2.5, filing_number: Zhejiang-TongyiQianwen-20230901}}}"
#     fail: "governance: {service: {public: true, regions: [CN]}, filing: {route: filed}}"
#   evidence:
#     needs: >-
#       `governance.filing.base_model` (name and filing number of the base model, or
#       `trained_in_house`) in the DeploymentManifest of a filed service, and its markets
#   i18n:
#     zh-CN:
#       title: 境内服务所基于的基础模型须已备案
#       description: >-
#         提供者基于基础模型进行研发的，应使用已经主管部门备案的基础模型；通过 API 直接调用其他提供者模型能力的应用则按已备案模型进行
#         登记（由 DP001 检查其公示所调用模型的备案号）。备案路线的服务（`filing.route: filed` 或未写路线）应在 DeploymentManifest 的
#         `governance.filing.base_model` 中记录基础模型名称 `name` 与备案号 `filing_number`；模型由提供者从零训练、由其自身备案覆盖的，
#         记录 `trained_in_house: true`。适用于面向中国境内公众的服务（清单的 `service`，否则仓库画像）；未声明市场的记为缺少证据。
#         依据《生成式人工智能服务安全基本要求》(TC260-003) 第 6 章（GB/T 45654-2025 相应条款）、《生成式人工智能服务管理暂行办法》
#         第七条第（一）项（使用具有合法来源的数据和基础模型）及国家网信办关于备案与登记的公告；条款措辞取自二手转载。
#       remediation: >-
#         在 DeploymentManifest 中记录 `governance.filing.base_model: {name, filing_number}`（或 `trained_in_house: true`）；基于已备案的
#         基础模型研发，或将应用登记为调用已备案模型（`filing.route: registered`）。
#       evidence: >-
#         备案服务的 DeploymentManifest 中的 `governance.filing.base_model`（基础模型名称与备案号，或 `trained_in_house`）及其市场。
#       clauses:
#         caict-roadmap-2024: "安全可信：应用的合规备案"
#       messages:
#         "the service does not name the filed base model it builds on (governance.filing.base_model: name, filing_number; or trained_in_house: true)": "服务未说明其所基于的已备案基础模型（governance.filing.base_model：name、filing_number；或 trained_in_house: true）"
#         "the base model `%s` records no filing number (governance.filing.base_model.filing_number)": "基础模型 `%s` 未记录备案号（governance.filing.base_model.filing_number）"
#         "an application registered as calling a filed model is judged by DP001 (governance.filing.route: registered)": "登记为调用已备案模型的应用由 DP001 判断（governance.filing.route: registered）"
package govlint.rules.dp020

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

base := deploy.g(["filing", "base_model"])

registered if deploy.g(["filing", "route"]) == "registered"

in_house if {
	is_object(base)
	base.trained_in_house == true
}

deny contains {"msg": "the service does not name the filed base model it builds on (governance.filing.base_model: name, filing_number; or trained_in_house: true)", "path": deploy.gpath(["filing", "base_model"])} if {
	data.govlint.lib.deploy.cn_scope
	not registered
	not is_object(base)
}

deny contains {"msg": "the service does not name the filed base model it builds on (governance.filing.base_model: name, filing_number; or trained_in_house: true)", "path": deploy.gpath(["filing", "base_model", "name"])} if {
	data.govlint.lib.deploy.cn_scope
	not registered
	is_object(base)
	not in_house
	not core.present(object.get(base, "name", null))
}

deny contains {"msg": sprintf("the base model `%s` records no filing number (governance.filing.base_model.filing_number)", [base.name]), "path": deploy.gpath(["filing", "base_model", "filing_number"])} if {
	data.govlint.lib.deploy.cn_scope
	not registered
	not in_house
	is_object(base)
	core.present(object.get(base, "name", null))
	not core.present(object.get(base, "filing_number", null))
}

# What the rule judges (docs/policies.md, "Evidence"): the base model of a filed service in the
# Chinese scope; a registered application is DP001's (it shows the filed model it calls).
evidence if {
	data.govlint.lib.deploy.cn_scope
	not registered
	is_object(base)
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

not_applicable contains "an application registered as calling a filed model is judged by DP001 (governance.filing.route: registered)" if {
	data.govlint.lib.deploy.cn_scope
	registered
}

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
