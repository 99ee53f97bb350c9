# METADATA
# title: A model with systemic risk placed on the EU market assesses its systemic risks, reports serious incidents and is protected
# description: >-
#   Beyond red-teaming (MC011), providers of general-purpose models with systemic risk assess and
#   mitigate possible systemic risks at Union level, including their sources; keep track of,
#   document and report without undue delay to the AI Office serious incidents and possible
#   corrective measures; and ensure an adequate level of cybersecurity protection for the model
#   and its physical infrastructure. The card records `governance.systemic_risk_management`:
#   `risk_assessment` (how the systemic risks are assessed and mitigated), `incident_reporting`
#   (how serious incidents are tracked and reported to the AI Office) and `cybersecurity` (the
#   protection of the weights and the infrastructure), each a text or a link. Scope: a model
#   with systemic risk (declared by the card, else the repository profile, or training compute
#   above a parameter, 10^25 FLOP) placed on the EU market (`governance.regions` of the card,
#   else `profile.regions`); without declared markets the card lacks the evidence. CycloneDX has
#   no field for it; it goes in a native `ModelCard` beside the BOM.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 55(1)(b) (assess and mitigate systemic risks), (c) (track, document and report serious incidents to the AI Office), (d) (cybersecurity of the model and its physical infrastructure); Art. 51(2) (10^25 FLOP presumption)
# custom:
#   id: MC021
#   severity: error
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: operations-management
#   frameworks:
#     eu-ai-act: ["Art. 55(1)(b)", "Art. 55(1)(c)", "Art. 55(1)(d)", "Art. 51(2)"]
#     caict-roadmap-2024: "security & trustworthiness: risk management, incident response and security protection"
#   params: [systemic_risk_flop]
#   remediation: >-
#     Record `governance.systemic_risk_management: {risk_assessment, incident_reporting,
#     cybersecurity}` (texts or links) in the card, or declare `systemic_risk: false` / the
#     markets when the model has no systemic risk or is not placed on the EU market.
#   examples:
#     pass: "governance: {regions: [EU], systemic_risk: true, systemic_risk_management: {risk_assessment: https://acme.example/ai/systemic-risk, incident_reporting: Serious incidents go to the AI Office within the deadlines of the Code of Practice, cybersecurity: Weights in an HSM-backed enclave; ISO 27001 data centres}}"
#     fail: "governance: {regions: [EU], systemic_risk: true}"
#   evidence:
#     needs: >-
#       `governance.systemic_risk_management` (risk assessment, incident reporting,
#       cybersecurity) of a model with systemic risk (`systemic_risk`, else the profile's, or
#       `training_compute_flop`), and its markets, in a Hugging Face or native model card
#   i18n:
#     zh-CN:
#       title: 投放欧盟市场的系统性风险模型须评估系统性风险、报告严重事件并保障网络安全
#       description: >-
#         除红队测试（MC011）外，具有系统性风险的通用模型提供者应在欧盟层面评估并减轻可能的系统性风险（含其来源）；跟踪、记录并及时
#         向人工智能办公室报告严重事件及可能的纠正措施；确保模型及其物理基础设施具有足够的网络安全保护。模型卡应记录
#         `governance.systemic_risk_management`：`risk_assessment`（系统性风险的评估与减轻）、`incident_reporting`（严重事件的跟踪与
#         报告）、`cybersecurity`（权重与基础设施的保护），均为文字或链接。适用范围：具有系统性风险（模型卡声明，否则仓库画像，
#         或训练算力超过参数，默认 10^25 FLOP）且投放欧盟市场（模型卡的 `governance.regions`，否则 `profile.regions`）的模型；
#         未声明市场的模型卡记为缺少证据。依据欧盟《人工智能法》第五十五条第1款(b)(c)(d)项及第五十一条第2款。CycloneDX 无对应字段，
#         应写在 BOM 旁的原生 `ModelCard` 中。
#       remediation: >-
#         在模型卡中记录 `governance.systemic_risk_management: {risk_assessment, incident_reporting, cybersecurity}`（文字或链接）；
#         模型无系统性风险或不投放欧盟市场时，声明 `systemic_risk: false` 或相应市场。
#       evidence: >-
#         具有系统性风险的模型（`systemic_risk`，否则画像，或 `training_compute_flop`）的 `governance.systemic_risk_management`
#         （风险评估、事件报告、网络安全）及其市场，见 Hugging Face 或原生模型卡。
#       clauses:
#         caict-roadmap-2024: "安全可信：风险管理、事件响应与安全防护"
#       messages:
#         "the model has systemic risk and is placed on the EU market, but records no %s (`governance.systemic_risk_management.%s`, Art. 55(1)(%s))": "模型具有系统性风险并投放欧盟市场，但未记录%s（`governance.systemic_risk_management.%s`，第五十五条第1款(%s)项）"
#         "assessment and mitigation of its systemic risks": "系统性风险的评估与减轻"
#         "tracking and reporting of serious incidents to the AI Office": "严重事件的跟踪及向人工智能办公室报告"
#         "cybersecurity protection of the model and its infrastructure": "模型及其基础设施的网络安全保护"
#         "no systemic risk is declared (`systemic_risk: false`)": "已声明无系统性风险（`systemic_risk: false`）"
#         "its training compute (%s FLOP) is below %s FLOP and no systemic risk is declared": "其训练算力（%s FLOP）低于 %s FLOP，且未声明具有系统性风险"
package govlint.rules.mc021

import data.govlint.lib.model
import rego.v1

params := data.govlint.params.mc021

flop := model.gov(["training_compute_flop"])

systemic if data.govlint.lib.model.declared_systemic == true

systemic if {
	not is_boolean(data.govlint.lib.model.declared_systemic)
	is_number(flop)
	flop > params.systemic_risk_flop
}

# Art. 55(1) point, field, what.
duties := [
	["b", "risk_assessment", "assessment and mitigation of its systemic risks"],
	["c", "incident_reporting", "tracking and reporting of serious incidents to the AI Office"],
	["d", "cybersecurity", "cybersecurity protection of the model and its infrastructure"],
]

deny contains {
	"msg": sprintf("the model has systemic risk and is placed on the EU market, but records no %s (`governance.systemic_risk_management.%s`, Art. 55(1)(%s))", [what, field, point]),
	"path": ["governance", "systemic_risk_management", field],
} if {
	not data.govlint.lib.model.cdx
	systemic
	data.govlint.lib.model.eu_market
	some [point, field, what] in duties
	not model.filled(model.gov(["systemic_risk_management", field]))
}

# What the rule judges (docs/policies.md, "Evidence"): the systemic-risk duties of a model with
# systemic risk on the EU market. A model declared without systemic risk, or below the compute
# threshold, or placed elsewhere, is out of it; one that declares neither its risk nor its
# markets lacks the evidence.
evidence if {
	not data.govlint.lib.model.cdx
	systemic
	data.govlint.lib.model.eu_market
}

not_applicable contains "no systemic risk is declared (`systemic_risk: false`)" if data.govlint.lib.model.declared_systemic == false

not_applicable contains sprintf("its training compute (%s FLOP) is below %s FLOP and no systemic risk is declared", [model.sci(flop), model.sci(params.systemic_risk_flop)]) if {
	not is_boolean(data.govlint.lib.model.declared_systemic)
	is_number(flop)
	flop <= params.systemic_risk_flop
}

not_applicable contains r if {
	systemic
	r := data.govlint.lib.model.eu_exclusion
}

no_evidence contains r if {
	not data.govlint.lib.model.cdx
	systemic
	r := data.govlint.lib.model.eu_undeclared
}
