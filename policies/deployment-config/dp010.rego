# METADATA
# title: Rollback and deactivation plan is defined
# description: >-
#   A generative AI service can be rolled back to a previous model or application revision and
#   switched off when it misbehaves. The native `DeploymentManifest` records
#   `governance.rollback.plan` and `governance.rollback.deactivation` (with, optionally, the
#   `previous_revision`, the date it was `last_tested` and an `owner`). Applies to every
#   DeploymentManifest. Kubernetes, Helm and compose files carry no field for it (a rollout
#   strategy says how pods are replaced, not how the service is taken back or down).
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, Generative AI Profile, GV-1.7 (decommissioning and phasing out) and MG-2.4 (mechanisms to supersede, disengage or deactivate; MG-2.4-004)
# custom:
#   id: DP010
#   severity: warning
#   kinds: [deployment-config]
#   layer: application-services
#   stage: operations-management
#   frameworks:
#     nist-ai-600-1: ["GV-1.7 (processes for decommissioning and phasing out AI systems safely)", "MG-2.4 (supersede, disengage or deactivate; MG-2.4-004)"]
#     caict-roadmap-2024: "operations management: version management and emergency response"
#   remediation: >-
#     Add `governance.rollback: {plan, deactivation, previous_revision, last_tested, owner}`.
#   examples:
#     pass: "governance: {rollback: {plan: Argo Rollouts abort, then pin the previous model revision, deactivation: Feature flag assistant.enabled=false}}"
#     fail: "governance: {rollback: {previous_revision: '1.1.3'}}"
#   evidence:
#     needs: >-
#       `governance.rollback` (rollback plan, deactivation procedure) in a DeploymentManifest of
#       the service
#   i18n:
#     zh-CN:
#       title: 须制定回滚与下线预案
#       description: >-
#         生成式人工智能服务出现异常时应能回滚到此前的模型或应用版本，并能停用服务（NIST AI 600-1 GV-1.7 与 MG-2.4；《大模型落地路线图研究报告
#         （2024年）》运营管理中的版本管理与应急处置）。DeploymentManifest 应记录 `governance.rollback.plan`（回滚方案）与
#         `governance.rollback.deactivation`（停用方式），可补充 `previous_revision`、`last_tested` 与 `owner`。
#       remediation: >-
#         添加 `governance.rollback: {plan, deactivation, previous_revision, last_tested, owner}`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.rollback`（回滚方案、
#         停用程序）。
#       clauses:
#         caict-roadmap-2024: "运营管理：版本管理与应急响应"
#       messages:
#         "no rollback or deactivation plan is defined (governance.rollback)": "未制定回滚或下线预案（governance.rollback）"
#         "the rollback record has no %s (governance.rollback.%s)": "回滚预案缺少 %s（governance.rollback.%s）"
package govlint.rules.dp010

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

parts := {"plan": "rollback plan", "deactivation": "deactivation procedure"}

deny contains {"msg": "no rollback or deactivation plan is defined (governance.rollback)", "path": deploy.gpath(["rollback"])} if {
	data.govlint.lib.deploy.native
	not is_object(deploy.g(["rollback"]))
}

deny contains {"msg": sprintf("the rollback record has no %s (governance.rollback.%s)", [what, part]), "path": deploy.gpath(["rollback", part])} if {
	data.govlint.lib.deploy.native
	rollback := deploy.g(["rollback"])
	is_object(rollback)
	some part, what in parts
	not core.present(object.get(rollback, part, null))
}

# What the rule judges (docs/policies.md, "Evidence"): the rollback record of a DeploymentManifest. Documents
# that run no service are none of its business; a workload without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.native
	is_object(deploy.g(["rollback"]))
}

no_subject contains r if r := data.govlint.lib.deploy.no_service
