# METADATA
# title: Endpoint authentication and rate limiting are declared
# description: >-
#   The service endpoint authenticates its callers and limits their request rate, against abuse,
#   scraping and cost exhaustion. The native `DeploymentManifest` records `governance.auth` (a
#   `method`, and `required` not false) and `governance.rate_limit` (`enabled: true`, with a scope
#   and limits). Applies to every DeploymentManifest. Kubernetes, Helm and compose files carry no
#   standard field for it (gateway annotations and chart values differ by product).
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: CAICT, Large Model Deployment Roadmap Research Report (2024), application services — service security
#   - ref: https://owasp.org/API-Security/editions/2023/en/0xa4-unrestricted-resource-consumption/
#     description: OWASP API Security Top 10 (2023), API4 unrestricted resource consumption
# custom:
#   id: DP018
#   severity: warning
#   kinds: [deployment-config]
#   layer: application-services
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "application services: service security (access control, rate limiting)"
#   remediation: >-
#     Record `governance.auth: {method: <oidc|api-key|mtls…>, required: true}` and
#     `governance.rate_limit: {enabled: true, scope, requests_per_minute or tokens_per_minute}`.
#   examples:
#     pass: "governance: {auth: {method: oidc, required: true}, rate_limit: {enabled: true, scope: per-user, requests_per_minute: 30}}"
#     fail: "governance: {auth: {method: none, required: false}}"
#   evidence:
#     needs: >-
#       `governance.auth` and `governance.rate_limit` in a DeploymentManifest of the service
#   i18n:
#     zh-CN:
#       title: 须声明服务端点的身份认证与限流措施
#       description: >-
#         服务端点应对调用方进行身份认证并限制其请求速率，以防范滥用、批量抓取和资源耗尽（《大模型落地路线图研究报告（2024年）》
#         应用服务层的服务安全要求）。DeploymentManifest 应记录 `governance.auth`（认证方式 `method`，且 `required` 不为 false）
#         与 `governance.rate_limit`（`enabled: true`，并给出范围与限额）。
#       remediation: >-
#         记录 `governance.auth: {method: <oidc|api-key|mtls…>, required: true}` 与
#         `governance.rate_limit: {enabled: true, scope, requests_per_minute 或 tokens_per_minute}`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.auth` 与 `governance.rate_limit`。
#       clauses:
#         caict-roadmap-2024: "应用服务：服务安全（访问控制、限流）"
#       messages:
#         "endpoint authentication is not declared (governance.auth)": "未声明服务端点的身份认证（governance.auth）"
#         "the endpoint does not require authentication (governance.auth.required: false)": "服务端点不要求身份认证（governance.auth.required: false）"
#         "the authentication method is not named (governance.auth.method)": "未写明身份认证方式（governance.auth.method）"
#         "rate limiting is not declared (governance.rate_limit)": "未声明限流措施（governance.rate_limit）"
#         "rate limiting is not enabled (governance.rate_limit.enabled: %v)": "未启用限流（governance.rate_limit.enabled: %v）"
package govlint.rules.dp018

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

auth := a if {
	a := deploy.g(["auth"])
	is_object(a)
}

deny contains {"msg": "endpoint authentication is not declared (governance.auth)", "path": deploy.gpath(["auth"])} if {
	data.govlint.lib.deploy.native
	not is_object(deploy.g(["auth"]))
}

deny contains {"msg": "the endpoint does not require authentication (governance.auth.required: false)", "path": deploy.gpath(["auth", "required"])} if {
	data.govlint.lib.deploy.native
	auth.required == false
}

deny contains {"msg": "the authentication method is not named (governance.auth.method)", "path": deploy.gpath(["auth", "method"])} if {
	data.govlint.lib.deploy.native
	is_object(auth)
	not auth.required == false
	not core.present(object.get(auth, "method", null))
}

deny contains {"msg": "rate limiting is not declared (governance.rate_limit)", "path": deploy.gpath(["rate_limit"])} if {
	data.govlint.lib.deploy.native
	not is_object(deploy.g(["rate_limit"]))
}

deny contains {
	"msg": sprintf("rate limiting is not enabled (governance.rate_limit.enabled: %v)", [v]),
	"path": deploy.gpath(["rate_limit", "enabled"]),
} if {
	data.govlint.lib.deploy.native
	limit := deploy.g(["rate_limit"])
	is_object(limit)
	v := object.get(limit, "enabled", "missing")
	v != true
}

# What the rule judges (docs/policies.md, "Evidence"): the authentication and rate-limiting records of a DeploymentManifest. Documents
# that run no service are none of its business; a workload without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.native
	is_object(auth)
	is_object(deploy.g(["rate_limit"]))
}

no_subject contains r if r := data.govlint.lib.deploy.no_service
