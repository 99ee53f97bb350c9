# METADATA
# title: Copyright policy, with text-and-data-mining opt-outs honoured
# description: >-
#   Providers of general-purpose models put in place a policy to comply with copyright law, in
#   particular to identify and comply with reservations of rights (text-and-data-mining
#   opt-outs, e.g. robots.txt, TDMRep). The card records it in `governance.copyright_policy`: the
#   published policy (`url`), whether opt-outs were honoured (`tdm_opt_out_honoured: true`) and
#   how they were detected (`tdm_opt_out_method`). A card without the block may instead have a
#   "Copyright" section that addresses the opt-outs. CycloneDX has no field for this; it goes in a
#   native `ModelCard` beside the BOM. The opt-out mechanism is the EU's (Art. 4(3) of Directive
#   (EU) 2019/790); the Chinese duty not to infringe intellectual property in training data is
#   DS012's.
#   Scope: a model placed on the EU market (`governance.regions` of the card, else
#   `profile.regions` of govlint.yaml, lists `EU` or a member state); elsewhere the rule does not
#   apply, and without declared markets the card lacks the evidence.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 53(1)(c) — copyright policy, rights reservations under Art. 4(3) of Directive (EU) 2019/790
# custom:
#   id: MC015
#   severity: error
#   kinds: [model-card]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Art. 53(1)(c)"
#     caict-roadmap-2024: "data resources: data compliance (copyright of training data)"
#   remediation: >-
#     Add `governance.copyright_policy` with `url`, `tdm_opt_out_honoured: true` and
#     `tdm_opt_out_method` (e.g. robots.txt and TDMRep checked at crawl time).
#   examples:
#     pass: "governance: {copyright_policy: {url: https://acme.example/ai/copyright, tdm_opt_out_honoured: true, tdm_opt_out_method: robots.txt and TDMRep}}"
#     fail: "governance: {copyright_policy: {url: https://acme.example/ai/copyright, tdm_opt_out_honoured: false}}"
#   evidence:
#     needs: >-
#       `governance.copyright_policy` (url, text-and-data-mining opt-outs honoured, how detected)
#       or a copyright section on opt-outs, in a Hugging Face or native model card
#   i18n:
#     zh-CN:
#       title: 须有版权合规政策并遵守文本与数据挖掘保留声明
#       description: >-
#         通用模型提供者应制定遵守版权法的政策，尤其应识别并遵守权利人作出的文本与数据挖掘保留声明（如 robots.txt、TDMRep）。
#         模型卡应在 `governance.copyright_policy` 中记录：已公布的政策（`url`）、是否遵守了保留声明（`tdm_opt_out_honoured: true`）
#         及识别方法（`tdm_opt_out_method`）；未使用该字段的模型卡可在“Copyright”（版权）章节中说明保留声明的处理。依据欧盟
#         《人工智能法》第五十三条第1款(c)项（中国的知识产权要求见 DS012 所引《生成式人工智能服务管理暂行办法》第七条），以及《大模型落地路线图研究报告（2024年）》数据资源层关于数据合规的要求。
#         适用范围：投放欧盟市场的模型（模型卡的 `governance.regions`，否则 govlint.yaml 中的 `profile.regions`
#         包含 `EU` 或某一成员国）；其他市场不适用，未声明市场的模型卡记为缺少证据。
#       remediation: >-
#         补充 `governance.copyright_policy`：`url`、`tdm_opt_out_honoured: true` 以及 `tdm_opt_out_method`（如抓取时检查
#         robots.txt 与 TDMRep）。
#       evidence: >-
#         Hugging Face 或原生模型卡中的 `governance.copyright_policy`（网址、
#         是否遵守文本与数据挖掘保留声明、识别方法），或说明保留声明的版权章节。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据合规（训练数据版权）"
#       messages:
#         "the model card records no copyright policy (`governance.copyright_policy`) nor how text-and-data-mining opt-outs were honoured": "模型卡既未记录版权合规政策（`governance.copyright_policy`），也未说明如何遵守文本与数据挖掘保留声明"
#         "the copyright policy has no published `url`": "版权合规政策缺少公开地址 `url`"
#         "the copyright policy does not say whether text-and-data-mining opt-outs were honoured (`tdm_opt_out_honoured`)": "版权合规政策未说明是否遵守了文本与数据挖掘保留声明（`tdm_opt_out_honoured`）"
#         "`tdm_opt_out_honoured` is false: reservations of rights must be identified and complied with": "`tdm_opt_out_honoured` 为 false：必须识别并遵守权利人作出的权利保留声明"
#         "the copyright policy does not say how opt-outs were detected (`tdm_opt_out_method`)": "版权合规政策未说明识别保留声明的方法（`tdm_opt_out_method`）"
package govlint.rules.mc015

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

base := ["governance", "copyright_policy"]

policy := model.gov(["copyright_policy"])

copyright_heading := `copyright|版权|知识产权`

opt_out_re := `(?i)opt[- ]?outs?|robots\.txt|(?-u:\b)tdm|text[- ](and[- ])?data[- ]mining|rights? reservations?|reservations? of rights|ai\.txt|保留声明|数据挖掘`

md_policy if {
	some t in model.section_prose(doc, copyright_heading)
	regex.match(opt_out_re, t)
}

findings contains {"msg": "the model card records no copyright policy (`governance.copyright_policy`) nor how text-and-data-mining opt-outs were honoured", "path": base} if {
	not data.govlint.lib.model.cdx
	not is_object(policy)
	not md_policy
}

findings contains {"msg": "the copyright policy has no published `url`", "path": array.concat(base, ["url"])} if {
	is_object(policy)
	not model.url_like(object.get(policy, "url", null))
}

findings contains {"msg": "the copyright policy does not say whether text-and-data-mining opt-outs were honoured (`tdm_opt_out_honoured`)", "path": array.concat(base, ["tdm_opt_out_honoured"])} if {
	is_object(policy)
	not is_boolean(object.get(policy, "tdm_opt_out_honoured", null))
}

findings contains {"msg": "`tdm_opt_out_honoured` is false: reservations of rights must be identified and complied with", "path": array.concat(base, ["tdm_opt_out_honoured"])} if {
	is_object(policy)
	policy.tdm_opt_out_honoured == false
}

findings contains {"msg": "the copyright policy does not say how opt-outs were detected (`tdm_opt_out_method`)", "path": array.concat(base, ["tdm_opt_out_method"])} if {
	is_object(policy)
	policy.tdm_opt_out_honoured == true
	not model.filled(object.get(policy, "tdm_opt_out_method", null))
}

# What the rule judges (docs/policies.md, "Evidence"): the copyright policy of a Hugging Face or native card,
# which fails the rule when it states none. A CycloneDX BOM has no field for it (a native ModelCard
# that describes the BOM does), so a BOM alone lacks the evidence.
evidence if {
	not data.govlint.lib.model.cdx
	data.govlint.lib.model.eu_market
}

# The requirement binds a model offered in the EU (docs/policies.md, "Markets"): elsewhere it
# does not apply, and where no market is declared the card lacks the evidence, never an error.
deny contains f if {
	data.govlint.lib.model.eu_market
	some f in findings
}

not_applicable contains r if r := data.govlint.lib.model.eu_exclusion

no_evidence contains r if {
	not data.govlint.lib.model.cdx
	r := data.govlint.lib.model.eu_undeclared
}
