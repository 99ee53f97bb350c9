# METADATA
# title: EU users are told they interact with AI and outputs are marked
# description: >-
#   In the EU, people are informed that they are interacting with an AI system, and synthetic
#   output is marked in a machine-readable format and detectable as artificially generated. The
#   native `DeploymentManifest` records `governance.ai_interaction_notice: true` and
#   `governance.machine_readable_marking: true`. Applies when `service.regions` names `EU` or a
#   member state; a manifest that declares no region is not taken to be offered in the EU.
#   Kubernetes, Helm and compose files carry no field for it.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act (Regulation 2024/1689), Article 50(1) and 50(2)
# custom:
#   id: DP012
#   severity: error
#   kinds: [deployment-config]
#   layer: application-services
#   stage: application-deployment
#   frameworks:
#     eu-ai-act: "Art 50(1) (informing people they interact with an AI system); Art 50(2) (machine-readable marking of synthetic output)"
#     caict-roadmap-2024: "application services: transparency to users"
#   remediation: >-
#     Tell users they are interacting with an AI system and mark outputs in a machine-readable way
#     (metadata, watermark or C2PA manifest); record `ai_interaction_notice: true` and
#     `machine_readable_marking: true`.
#   examples:
#     pass: "governance: {service: {regions: [EU]}, ai_interaction_notice: true, machine_readable_marking: true}"
#     fail: "governance: {service: {regions: [DE]}, ai_interaction_notice: false}"
#   evidence:
#     needs: >-
#       `governance.service.regions` (or the repository profile's `regions`) naming the EU or a
#       member state, and `ai_interaction_notice` / `machine_readable_marking` in a
#       DeploymentManifest of the service
#   i18n:
#     zh-CN:
#       title: 面向欧盟用户须告知其在与人工智能交互并对输出进行机器可读标记
#       description: >-
#         依据欧盟《人工智能法》(Regulation 2024/1689) 第 50 条第 1、2 款，应告知自然人其正在与人工智能系统交互，并以机器可读格式
#         标记合成输出、使其可被识别为人工生成。DeploymentManifest 应记录 `governance.ai_interaction_notice: true` 与
#         `governance.machine_readable_marking: true`。仅当 `service.regions` 包含 `EU` 或欧盟成员国时适用。
#         对应《大模型落地路线图研究报告（2024年）》应用服务层关于面向用户透明度的要求。
#       remediation: >-
#         告知用户其正在与人工智能系统交互，并以元数据、水印或 C2PA 清单等方式对输出进行机器可读标记；记录
#         `ai_interaction_notice: true` 与 `machine_readable_marking: true`。
#       evidence: >-
#         服务的 DeploymentManifest 中指明欧盟或成员国的 `governance.service.regions`（或仓库画像的
#         `regions`），以及 `ai_interaction_notice` / `machine_readable_marking`。
#       clauses:
#         caict-roadmap-2024: "应用服务：对用户的透明度"
#       messages:
#         "the service is offered in the EU but %s (governance.%s: %v)": "服务在欧盟提供，但 %s（governance.%s: %v）"
package govlint.rules.dp012

import data.govlint.lib.deploy
import rego.v1

facts := {
	"ai_interaction_notice": "users are not told they are interacting with an AI system",
	"machine_readable_marking": "outputs are not marked in a machine-readable format",
}

deny contains {"msg": sprintf("the service is offered in the EU but %s (governance.%s: %v)", [what, field, v]), "path": deploy.gpath([field])} if {
	data.govlint.lib.deploy.eu_scope
	some field, what in facts
	v := object.get(data.govlint.lib.deploy.governance, field, "missing")
	v != true
}

# What the rule judges (docs/policies.md, "Evidence"): the AI-interaction notice and output
# marking of a DeploymentManifest placed on the EU market. Regions declared without the EU (the
# manifest's own, else the repository profile's) take a service out of it; without declared
# regions nothing says whether it is in, so it lacks the evidence.
evidence if data.govlint.lib.deploy.eu_scope

not_applicable contains r if r := data.govlint.lib.deploy.eu_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.eu_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
