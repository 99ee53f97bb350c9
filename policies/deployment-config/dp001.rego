# METADATA
# title: Public generative AI service in China records its filings and shows them as the CAC requires
# description: >-
#   A generative AI service offered to the public in mainland China goes through the filing
#   regime as it is: the algorithm filing (算法备案, Interim Measures Art. 17) and either the
#   generative-AI service filing (生成式人工智能服务备案, route `filed`, with its filing number) or,
#   for an application that calls another provider's filed model through its API, the
#   registration (登记, route `registered`, with its launch number 上线编号). The service shows
#   users the model's name with its filing or launch number; an application calling another
#   provider's model shows that model's name and filing number. The native `DeploymentManifest`
#   records `governance.filing`: `route`, `algorithm_filing_number`, `number` (filed) or
#   `launch_number` (registered), the `model_name` as filed, the `display_location` where users
#   see them, and for a registered application `upstream: {model_name, filing_number}`. Scope: the rule applies where the
#   service's markets (`service.regions`, else `regions` of the repository profile) include `CN`
#   and it is not declared internal (`public: false`); where no market is declared the service
#   lacks the evidence (reported as such, never an error). Kubernetes, Helm and compose files carry
#   no field for these facts and are not checked: the facts go in a DeploymentManifest in the same
#   file or beside it (docs/governance.md).
# related_resources:
#   - ref: http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services (2023), Art 17
#   - ref: https://cagd.gov.cn/v/2024/04/4859.html
#     description: Guangdong CAC notice (April 2024) — an online application shows the filed generative AI service it uses, with the model name and filing number
#   - ref: https://www.cac.gov.cn/
#     description: CAC announcements on filed and registered generative AI services (2025-01-08, 2025-04-08) — applications calling a filed model through its API are registered and show the model name and filing or launch number
# custom:
#   id: DP001
#   severity: error
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     cn-genai: "IM Art 17 (security assessment and algorithm filing); CAC and Guangdong CAC filing and registration notices (model name with filing or launch number shown; a called model's name and filing number)"
#     caict-roadmap-2024: "security & trustworthiness: regulatory compliance (filing) of the application"
#   secondary_source: >-
#     The display duty is read in the Guangdong CAC notice (primary); the registration route and
#     the launch number (上线编号) come from reprints of the national CAC announcements of
#     2025-01-08 and 2025-04-08. The Algorithm Recommendation Provisions' own articles on filing
#     and on showing the filing number were not read, so they are not cited.
#   remediation: >-
#     Record `governance.filing: {route, algorithm_filing_number, number | launch_number,
#     model_name, display_location, upstream}` in the DeploymentManifest, or declare
#     `service.public: false` / `service.regions` without `CN` when the service is not offered to
#     the public in China.
#   examples:
#     pass: "governance: {service: {public: true, regions: [CN]}, filing: {route: filed, algorithm_filing_number: 网信算备110108000000001230001号, number: Beijing-AcmeAssistant-20250301, model_name: ACME Chat, display_location: web footer}}"
#     fail: "governance: {service: {public: true, regions: [CN]}}"
#   evidence:
#     needs: >-
#       `governance.filing` (route, algorithm filing number, filing or launch number, model name
#       as filed, where users see them, the called model for a registered application) in a
#       DeploymentManifest of the service, or `public: false` / `regions` without CN declared for
#       it (the manifest's `service`, or the repository profile)
#   i18n:
#     zh-CN:
#       title: 面向境内公众的生成式人工智能服务须记录备案信息并按要求公示
#       description: >-
#         依据《生成式人工智能服务管理暂行办法》第十七条及国家网信办、广东省网信办关于生成式人工智能服务备案与登记的公告，面向中国境内
#         公众提供的生成式人工智能服务须完成算法备案，并完成生成式人工智能服务备案（路线 `filed`，取得备案号），或者对通过 API 直接调用
#         已备案模型能力的应用完成登记（路线 `registered`，取得上线编号）；服务应公示所使用模型的名称及备案号或上线编号，调用其他提供者
#         模型的应用应公示所调用模型的名称及其备案号。DeploymentManifest 应记录 `governance.filing`：`route`、
#         `algorithm_filing_number`（算法备案号）、`number`（备案号，filed）或 `launch_number`（上线编号，registered）、`model_name`
#         （备案的模型名称）、`display_location`（公示位置），登记的应用另记 `upstream: {model_name, filing_number}`。
#         展示义务见广东省网信办通知（一手）；登记路线与上线编号取自国家网信办 2025-01-08、2025-04-08 公告的转载（二手）。
#         服务的市场（`service.regions`，否则仓库画像的 `regions`）包含 `CN` 且未声明 `public: false` 时，本规则
#         适用；未声明市场的服务记为缺少证据（不报错）。Kubernetes、Helm、compose 文件没有承载这些事实的字段，应在同一文件或相邻文件中提供
#         DeploymentManifest。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于应用合规备案的要求。
#       remediation: >-
#         在 DeploymentManifest 中记录 `governance.filing: {route, algorithm_filing_number, number 或 launch_number, model_name,
#         display_location, upstream}`；若服务
#         不面向境内公众，请声明 `service.public: false` 或不含 `CN` 的 `service.regions`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.filing`（备案路线、算法备案号、备案号或上线编号、
#         备案模型名称、公示位置，登记应用所调用的模型）；若服务不面向境内公众，在清单的 `service` 或仓库画像中声明 `public: false` 或不含 CN
#         的 `regions`。
#       clauses:
#         caict-roadmap-2024: "安全可信：应用的合规备案"
#       messages:
#         "the service is offered to the public in China but records no filing (governance.filing)": "服务面向中国境内公众提供，但未记录备案信息（governance.filing）"
#         "the filing record has no %s (governance.filing.%s)": "备案记录缺少 %s（governance.filing.%s）"
#         "the filing record does not say whether the service is filed or registered (governance.filing.route: filed | registered)": "备案记录未说明服务是备案还是登记（governance.filing.route: filed | registered）"
#         "the filing route is `%s`; it is `filed` (生成式人工智能服务备案) or `registered` (登记, an application calling a filed model)": "备案路线为 `%s`；应为 `filed`（生成式人工智能服务备案）或 `registered`（登记，调用已备案模型的应用）"
#         "a registered application shows the model it calls with that model's filing number: governance.filing.upstream has no %s": "登记的应用须公示所调用模型及其备案号：governance.filing.upstream 缺少 %s"
#         "filing number": "备案号"
#         "launch number (上线编号) of the registration": "登记取得的上线编号"
#         "algorithm filing number (算法备案号)": "算法备案号"
#         "model name as filed": "备案的模型名称"
#         "place where users see the filing number": "向用户公示备案号的位置"
#         "name of the model called": "所调用模型的名称"
#         "filing number of the model called": "所调用模型的备案号"
package govlint.rules.dp001

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

filing := deploy.g(["filing"])

route := object.get(filing, "route", null) if is_object(filing)

default route := null

# What each route records: a filed service its filing number; an application registered as
# calling another provider's filed model its launch number. Both record the algorithm filing,
# the model name and where users see the numbers.
common := {
	"algorithm_filing_number": "algorithm filing number (算法备案号)",
	"model_name": "model name as filed",
	"display_location": "place where users see the filing number",
}

fields := object.union(common, {"number": "filing number"}) if route != "registered"

fields := object.union(common, {"launch_number": "launch number (上线编号) of the registration"}) if route == "registered"

upstream_fields := {"model_name": "name of the model called", "filing_number": "filing number of the model called"}

deny contains {"msg": "the service is offered to the public in China but records no filing (governance.filing)", "path": deploy.gpath(["filing"])} if {
	data.govlint.lib.deploy.cn_scope
	not is_object(filing)
}

deny contains {"msg": sprintf("the filing record has no %s (governance.filing.%s)", [what, field]), "path": deploy.gpath(["filing", field])} if {
	data.govlint.lib.deploy.cn_scope
	is_object(filing)
	some field, what in fields
	not core.present(object.get(filing, field, null))
}

deny contains {"msg": "the filing record does not say whether the service is filed or registered (governance.filing.route: filed | registered)", "path": deploy.gpath(["filing", "route"])} if {
	data.govlint.lib.deploy.cn_scope
	is_object(filing)
	route == null
}

deny contains {
	"msg": sprintf("the filing route is `%s`; it is `filed` (生成式人工智能服务备案) or `registered` (登记, an application calling a filed model)", [route]),
	"path": deploy.gpath(["filing", "route"]),
} if {
	data.govlint.lib.deploy.cn_scope
	route != null
	not route in {"filed", "registered"}
}

deny contains {
	"msg": sprintf("a registered application shows the model it calls with that model's filing number: governance.filing.upstream has no %s", [what]),
	"path": deploy.gpath(["filing", "upstream", field]),
} if {
	data.govlint.lib.deploy.cn_scope
	route == "registered"
	some field, what in upstream_fields
	not core.present(object.get(filing, ["upstream", field], null))
}

# What the rule judges (docs/policies.md, "Evidence"): the filing record of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(deploy.g(["filing"]))
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
