# METADATA
# title: A public service in China keeps its security self-assessment, clause by clause, for the model version it serves
# description: >-
#   Before a generative AI service is offered to the public in China, and again after a major
#   change, its provider carries out the security assessment (安全评估). The assessment judges
#   every clause of TC260-003 chapters 5-8 with a verdict of its own, 符合 / 不符合 / 不适用
#   (`conforms`, `does-not-conform`, `not-applicable`): a conforming clause with its evidence, a
#   non-conforming one with the remediation or equivalent measure, an inapplicable one with its
#   justification; a self-run report is signed by at least three responsible persons. The native
#   `DeploymentManifest` records `governance.security_assessment`: `date`, `model_version` (the
#   served model's revision it assessed; a different `governance.model.revision` is a change the
#   assessment must be redone for), `report_url`, `signed_by[]` and `clauses[]` of `{clause,
#   verdict, evidence | remediation | justification}`. Scope: a service offered to the public in
#   China (its `service`, else the repository profile); without declared markets it lacks the
#   evidence.
# related_resources:
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 17 (security assessment under the state's rules)
#   - ref: https://www.cac.gov.cn/
#     description: Provisions on the Security Assessment of Internet Information Services with Public Opinion Attributes or Social Mobilisation Capacity (CAC and MPS, 2018), Art. 3 (assessed at launch and after a major change in function, technology or resources)
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §9.1 (assessment of every clause of chapters 5-8, verdicts, evidence, signatures); GB/T 45654-2025, the corresponding clause
# custom:
#   id: DP021
#   severity: error
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     cn-genai: ["Interim Measures Art. 17", "2018 Security Assessment Provisions Art. 3 (at launch; after a major change)", "TC260-003 §9.1 (a verdict per clause of chapters 5-8; three signatures)"]
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation before launch"
#   params: [min_signatures]
#   secondary_source: >-
#     The 2018 Provisions' Art. 3 is read in a reprint of the official text. TC260-003 §9.1's
#     per-clause verdicts (符合 / 不符合 / 不适用), what each needs, and the three signatures come
#     from secondary readings of the standard, not its text as read; the number of signatures is
#     a parameter.
#   remediation: >-
#     Record `governance.security_assessment: {date, model_version, report_url, signed_by,
#     clauses: [{clause, verdict, evidence | remediation | justification}]}` for the model version
#     served, and redo it when the served model changes.
#   examples:
#     pass: "governance: {service: {public: true, regions: [CN]}, model: {name: acme-chat-7b, revision: 1.2.0}, security_assessment: {date: 2025-02-25, model_version: 1.2.0, report_url: https://acme.example/sa.pdf, signed_by: [Wang Fang (legal representative), Li Wei (overall lead), Zhang Min (legality lead)], clauses: [{clause: '5.1', verdict: conforms, evidence: source audit 2025-01}]}}"
#     fail: "governance: {service: {public: true, regions: [CN]}, model: {name: acme-chat-7b, revision: 1.3.0}, security_assessment: {date: 2025-02-25, model_version: 1.2.0, clauses: [{clause: '5.1', verdict: passed}]}}"
#   evidence:
#     needs: >-
#       `governance.security_assessment` (date, model version, report, signatures, a verdict per
#       clause) in the DeploymentManifest of a service offered to the public in China, and its
#       markets
#   i18n:
#     zh-CN:
#       title: 面向境内公众的服务须保存针对所服务模型版本的逐条安全自评估
#       description: >-
#         生成式人工智能服务面向中国境内公众提供前，以及发生重大变更后，提供者应开展安全评估。评估对 TC260-003 第 5 至 8 章的每一条款
#         分别给出结论：符合（`conforms`，附证明材料）、不符合（`does-not-conform`，附整改措施或等效措施）、不适用（`not-applicable`，
#         附理由）；自行评估的报告应至少由三名负责人签字。DeploymentManifest 应记录 `governance.security_assessment`：`date`、
#         `model_version`（所评估的模型版本；与 `governance.model.revision` 不同即为须重新评估的变更）、`report_url`、`signed_by[]` 以及
#         `clauses[]`（`{clause, verdict, evidence | remediation | justification}`）。依据《生成式人工智能服务管理暂行办法》第十七条、
#         《具有舆论属性或社会动员能力的互联网信息服务安全评估规定》（2018）第三条（上线时及功能、技术、资源发生重大变更时开展评估，
#         据官方文本转载）与 TC260-003 第 9.1 条（逐条结论与签字要求取自二手解读；签字人数为参数）。适用于面向中国境内公众的服务
#         （清单的 `service`，否则仓库画像）；未声明市场的记为缺少证据。
#       remediation: >-
#         为所服务的模型版本记录 `governance.security_assessment: {date, model_version, report_url, signed_by, clauses: [{clause,
#         verdict, evidence | remediation | justification}]}`，所服务模型变更时重新评估。
#       evidence: >-
#         面向境内公众服务的 DeploymentManifest 中的 `governance.security_assessment`（日期、模型版本、报告、签字、逐条结论）及其市场。
#       clauses:
#         caict-roadmap-2024: "安全可信：上线前安全评估"
#       messages:
#         "the service is offered to the public in China but records no security self-assessment (governance.security_assessment)": "服务面向中国境内公众提供，但未记录安全自评估（governance.security_assessment）"
#         "the security assessment has no %s (governance.security_assessment.%s)": "安全自评估缺少%s（governance.security_assessment.%s）"
#         "the security assessment judged model version `%s`, but the service serves `%s`: a changed model is assessed again": "安全自评估针对模型版本 `%s`，但服务使用的是 `%s`：模型变更后须重新评估"
#         "clause %s has the verdict `%v`; it is conforms (符合), does-not-conform (不符合) or not-applicable (不适用)": "条款 %s 的结论为 `%v`；应为 conforms（符合）、does-not-conform（不符合）或 not-applicable（不适用）"
#         "clause %s is judged `%s` without its %s (`%s`)": "条款 %s 的结论为 `%s`，但缺少%s（`%s`）"
#         "the self-assessment is signed by %v persons; at least %v responsible persons sign it (governance.security_assessment.signed_by)": "安全自评估由 %v 人签字，应至少由 %v 名负责人签字（governance.security_assessment.signed_by）"
#         "date": "日期"
#         "model version assessed": "所评估的模型版本"
#         "clause-by-clause verdicts": "逐条结论"
#         "evidence": "证明材料"
#         "remediation or equivalent measure": "整改措施或等效措施"
#         "justification": "不适用理由"
package govlint.rules.dp021

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

params := data.govlint.params.dp021

base := ["security_assessment"]

sa := deploy.g(base)

# The clause verdicts, a list (or a map by clause); any other value records none.
clauses := c if {
	is_object(sa)
	c := object.get(sa, "clauses", [])
	verdicts(c)
} else := []

verdicts(c) if is_array(c)

verdicts(c) if is_object(c)

recorded(field) if {
	field != "clauses"
	core.present(object.get(sa, field, null))
}

recorded("clauses") if {
	core.present(clauses)
}

fields := {"date": "date", "model_version": "model version assessed", "clauses": "clause-by-clause verdicts"}

# What each verdict is recorded with.
needs := {
	"conforms": ["evidence", "evidence"],
	"does-not-conform": ["remediation", "remediation or equivalent measure"],
	"not-applicable": ["justification", "justification"],
}

deny contains {"msg": "the service is offered to the public in China but records no security self-assessment (governance.security_assessment)", "path": deploy.gpath(base)} if {
	data.govlint.lib.deploy.cn_scope
	not is_object(sa)
}

deny contains {"msg": sprintf("the security assessment has no %s (governance.security_assessment.%s)", [what, field]), "path": deploy.gpath(array.concat(base, [field]))} if {
	data.govlint.lib.deploy.cn_scope
	is_object(sa)
	some field, what in fields
	not recorded(field)
}

deny contains {
	"msg": sprintf("the security assessment judged model version `%s`, but the service serves `%s`: a changed model is assessed again", [assessed, served]),
	"path": deploy.gpath(array.concat(base, ["model_version"])),
} if {
	data.govlint.lib.deploy.cn_scope
	assessed := sprintf("%v", [sa.model_version])
	served := sprintf("%v", [deploy.g(["model", "revision"])])
	deploy.g(["model", "revision"]) != null
	assessed != served
}

deny contains {
	"msg": sprintf("clause %s has the verdict `%v`; it is conforms (符合), does-not-conform (不符合) or not-applicable (不适用)", [clause_label(c, i), object.get(c, "verdict", "")]),
	"path": deploy.gpath(array.concat(base, ["clauses", i, "verdict"])),
} if {
	data.govlint.lib.deploy.cn_scope
	some i, c in clauses
	is_object(c)
	not needs[object.get(c, "verdict", "")]
}

deny contains {
	"msg": sprintf("clause %s is judged `%s` without its %s (`%s`)", [clause_label(c, i), c.verdict, what, field]),
	"path": deploy.gpath(array.concat(base, ["clauses", i, field])),
} if {
	data.govlint.lib.deploy.cn_scope
	some i, c in clauses
	is_object(c)
	[field, what] := needs[c.verdict]
	not core.present(object.get(c, field, null))
}

deny contains {
	"msg": sprintf("the self-assessment is signed by %v persons; at least %v responsible persons sign it (governance.security_assessment.signed_by)", [n, params.min_signatures]),
	"path": deploy.gpath(array.concat(base, ["signed_by"])),
} if {
	data.govlint.lib.deploy.cn_scope
	is_object(sa)
	n := signatures
	n < params.min_signatures
}

signatures := count([p | some p in sa.signed_by; core.scalar_present(p)]) if is_array(sa.signed_by)

default signatures := 0

clause_label(c, i) := sprintf("`%v`", [c.clause]) if core.scalar_present(object.get(c, "clause", null))

clause_label(c, i) := sprintf("#%d", [i]) if not core.scalar_present(object.get(c, "clause", null))

# What the rule judges (docs/policies.md, "Evidence"): the self-assessment of a service offered to
# the public in China.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(sa)
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
