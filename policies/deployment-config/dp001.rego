# METADATA
# title: Public generative AI service in China records its filing number
# description: >-
#   A generative AI service offered to the public in mainland China is filed with the Cyberspace
#   Administration (算法备案 / 生成式人工智能服务备案) and shows its filing or launch number to users.
#   The native `DeploymentManifest` records `governance.filing.number`, the `model_name` as filed
#   and the `display_location` where users see the number. Scope: the rule applies where the
#   service's markets (`service.regions`, else `regions` of the repository profile) include `CN`
#   and it is not declared internal (`public: false`); where no market is declared the service
#   lacks the evidence (reported as such, never an error). Kubernetes, Helm and compose files carry
#   no field for these facts and are not checked: the facts go in a DeploymentManifest in the same
#   file or beside it (docs/governance.md).
# related_resources:
#   - ref: http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services (2023), Art 17
#   - ref: https://www.cac.gov.cn/
#     description: CAC notices on the filing of generative AI services (filing and launch numbers shown to users)
# custom:
#   id: DP001
#   severity: error
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     cn-genai: "IM Art 17 (security assessment and algorithm filing); CAC filing notices (display of the filing number)"
#     caict-roadmap-2024: "security & trustworthiness: regulatory compliance (filing) of the application"
#   remediation: >-
#     Record `governance.filing: {number, model_name, display_location, date}` in the
#     DeploymentManifest, or declare `service.public: false` / `service.regions` without `CN` when
#     the service is not offered to the public in China.
#   examples:
#     pass: "governance: {service: {public: true, regions: [CN]}, filing: {number: Beijing-AcmeAssistant-20250301, model_name: ACME Chat, display_location: web footer}}"
#     fail: "governance: {service: {public: true, regions: [CN]}}"
#   evidence:
#     needs: >-
#       `governance.filing` (number, model name as filed, where users see the number) in a
#       DeploymentManifest of the service, or `public: false` / `regions` without CN declared for
#       it (the manifest's `service`, or the repository profile)
#   i18n:
#     zh-CN:
#       title: 面向境内公众的生成式人工智能服务须记录备案号
#       description: >-
#         依据《生成式人工智能服务管理暂行办法》第十七条及国家网信办关于生成式人工智能服务备案的通知，面向中国境内
#         公众提供的生成式人工智能服务须履行备案手续，并在显著位置展示备案号或上线编号。DeploymentManifest 应记录
#         `governance.filing.number`（备案号）、`model_name`（备案的模型名称）与 `display_location`（展示位置）。
#         服务的市场（`service.regions`，否则仓库画像的 `regions`）包含 `CN` 且未声明 `public: false` 时，本规则
#         适用；未声明市场的服务记为缺少证据（不报错）。Kubernetes、Helm、compose 文件没有承载这些事实的字段，应在同一文件或相邻文件中提供
#         DeploymentManifest。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于应用合规备案的要求。
#       remediation: >-
#         在 DeploymentManifest 中记录 `governance.filing: {number, model_name, display_location, date}`；若服务
#         不面向境内公众，请声明 `service.public: false` 或不含 `CN` 的 `service.regions`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.filing`（备案号、
#         备案模型名称、展示位置）；若服务不面向境内公众，在清单的 `service` 或仓库画像中声明 `public: false` 或不含 CN
#         的 `regions`。
#       clauses:
#         caict-roadmap-2024: "安全可信：应用的合规备案"
#       messages:
#         "the service is offered to the public in China but records no filing (governance.filing)": "服务面向中国境内公众提供，但未记录备案信息（governance.filing）"
#         "the filing record has no %s (governance.filing.%s)": "备案记录缺少 %s（governance.filing.%s）"
package govlint.rules.dp001

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

fields := {
	"number": "filing number",
	"model_name": "model name as filed",
	"display_location": "place where users see the filing number",
}

deny contains {"msg": "the service is offered to the public in China but records no filing (governance.filing)", "path": deploy.gpath(["filing"])} if {
	deploy.cn_scope
	not is_object(deploy.g(["filing"]))
}

deny contains {"msg": sprintf("the filing record has no %s (governance.filing.%s)", [what, field]), "path": deploy.gpath(["filing", field])} if {
	deploy.cn_scope
	filing := deploy.g(["filing"])
	is_object(filing)
	some field, what in fields
	not core.present(object.get(filing, field, null))
}

# What the rule judges (docs/policies.md, "Evidence"): the filing record of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	deploy.cn_scope
	is_object(deploy.g(["filing"]))
}

not_applicable contains r if r := deploy.cn_exclusion

no_evidence contains r if r := deploy.cn_undeclared

no_subject contains r if r := deploy.no_service
