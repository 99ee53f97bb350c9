# METADATA
# title: Model card names an accountable owner and records dated approvals
# description: >-
#   Someone is accountable for the model, and its release was approved by the roles the
#   organisation requires. The card names the owner (`governance.owner` with a name, team, email
#   or URL; or, in the body, a "Contact" section or a labelled "Developed by"/"Contact" line) and
#   records the approvals in `governance.approvals`, each with the approver's `role` and the
#   `date` as an ISO 8601 date (2025-02-21). CycloneDX has no field for approvals; they go in a
#   native `ModelCard` beside the BOM.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, GV-2.1 (roles and responsibilities documented)
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: CAICT, Large Model Deployment Roadmap Research Report (2024) — management system
# custom:
#   id: MC018
#   severity: warning
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     nist-ai-600-1: "GV-2.1"
#     caict-roadmap-2024: "security & trustworthiness: management system (accountability and release approval)"
#   remediation: >-
#     Add `governance.owner` ({name, email}) and `governance.approvals`, each entry with `role`,
#     `name` and `date` (YYYY-MM-DD).
#   examples:
#     pass: "governance: {owner: {name: LLM Platform Team, email: llm@acme.example}, approvals: [{role: security, name: Zhang Min, date: 2025-02-24}]}"
#     fail: "governance: {owner: {name: LLM Platform Team}, approvals: [{role: security, date: 24/02/2025}]}"
#   evidence:
#     needs: >-
#       `governance.owner` (or a "Contact" section) and `governance.approvals` (role, date) in a
#       Hugging Face or native model card
#   i18n:
#     zh-CN:
#       title: 模型卡须指明责任人并记录带日期的审批
#       description: >-
#         模型应有明确的责任主体，其发布应经组织规定的角色审批。模型卡应指明责任人（`governance.owner`，含名称、团队、邮箱或网址；
#         或正文中的“Contact”章节、“Developed by”“Contact”等标签行），并在 `governance.approvals` 中记录审批，每条须有审批角色
#         `role` 和 ISO 8601 格式的日期 `date`（如 2025-02-21）。依据 NIST AI 600-1 GV-2.1，以及《大模型落地路线图研究报告（2024年）》
#         关于管理体系（责任落实与发布审批）的要求。
#       remediation: >-
#         补充 `governance.owner`（{name, email}）与 `governance.approvals`，每条审批须含 `role`、`name` 和 `date`（YYYY-MM-DD）。
#       evidence: >-
#         Hugging Face 或原生模型卡中的 `governance.owner`（或“联系方式”章节）
#         与 `governance.approvals`（角色、日期）。
#       clauses:
#         caict-roadmap-2024: "安全可信：管理体系（责任与发布审批）"
#       messages:
#         "the model card names no accountable owner: add `governance.owner` or a \"Contact\" section": "模型卡未指明责任人：请补充 `governance.owner` 或“Contact”章节"
#         "the model card records no release approval (`governance.approvals`, each with role and date)": "模型卡未记录发布审批（`governance.approvals`，每条须含审批角色与日期）"
#         "approval %d has no `role`": "审批记录 %d 缺少 `role`"
#         "approval %d has no `date`": "审批记录 %d 缺少 `date`"
#         "approval %d is dated `%v`, not an ISO 8601 date (YYYY-MM-DD)": "审批记录 %d 的日期为 `%v`，不是 ISO 8601 日期（YYYY-MM-DD）"
package govlint.rules.mc018

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

approvals := model.gov(["approvals"])

deny contains {
	"msg": "the model card names no accountable owner: add `governance.owner` or a \"Contact\" section",
	"path": ["governance", "owner"],
} if {
	not data.govlint.lib.model.cdx
	not model.owner_stated(doc)
}

deny contains {
	"msg": "the model card records no release approval (`governance.approvals`, each with role and date)",
	"path": ["governance", "approvals"],
} if {
	not data.govlint.lib.model.cdx
	not non_empty(approvals)
}

deny contains {
	"msg": sprintf("approval %d has no `role`", [i]),
	"path": ["governance", "approvals", i, "role"],
} if {
	some i, a in model.as_list(approvals)
	is_object(a)
	not model.filled(object.get(a, "role", null))
}

deny contains {
	"msg": sprintf("approval %d has no `date`", [i]),
	"path": ["governance", "approvals", i, "date"],
} if {
	some i, a in model.as_list(approvals)
	is_object(a)
	object.get(a, "date", null) == null
}

deny contains {
	"msg": sprintf("approval %d is dated `%v`, not an ISO 8601 date (YYYY-MM-DD)", [i, a.date]),
	"path": ["governance", "approvals", i, "date"],
} if {
	some i, a in model.as_list(approvals)
	is_object(a)
	object.get(a, "date", null) != null
	not model.iso_date(a.date)
}

non_empty(x) if {
	is_array(x)
	count(x) > 0
}

# What the rule judges (docs/policies.md, "Evidence"): the accountable owner and the release approvals of a Hugging Face or native card,
# which fails the rule when it states none. A CycloneDX BOM has no field for it (a native ModelCard
# that describes the BOM does), so a BOM alone lacks the evidence.
evidence if not data.govlint.lib.model.cdx
