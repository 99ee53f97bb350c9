# METADATA
# title: Public summary of the training content is linked
# description: >-
#   Providers of general-purpose models make publicly available a sufficiently detailed summary of
#   the content used for training, following the template of the AI Office. The card links it in
#   `governance.training_data_summary_url` (an absolute URL), or in the body with a link whose
#   text names the training data/content summary. CycloneDX has no field for it; it goes in a
#   native `ModelCard` beside the BOM.
#   Scope: a model placed on the EU market (`governance.regions` of the card, else
#   `profile.regions` of govlint.yaml, lists `EU` or a member state); elsewhere the rule does not
#   apply, and without declared markets the card lacks the evidence.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 53(1)(d) — public summary of the content used for training
#   - ref: https://digital-strategy.ec.europa.eu/en/library/explanatory-notice-and-template-public-summary-training-content-general-purpose-ai-models
#     description: European Commission, template for the public summary of training content of GPAI models
# custom:
#   id: MC016
#   severity: error
#   kinds: [model-card]
#   layer: data-resources
#   stage: application-deployment
#   frameworks:
#     eu-ai-act: "Art. 53(1)(d)"
#     caict-roadmap-2024: "data resources: transparency of training data"
#   remediation: >-
#     Publish the training-content summary (EU template) and add its address as
#     `governance.training_data_summary_url`.
#   examples:
#     pass: "governance: {training_data_summary_url: https://acme.example/ai/acme-chat-7b/training-data-summary}"
#     fail: "governance: {training_data_summary_url: see wiki}"
#   evidence:
#     needs: >-
#       `governance.training_data_summary_url` or a link to the public summary of the training
#       content, in a Hugging Face or native model card
#   i18n:
#     zh-CN:
#       title: 须链接公开的训练内容摘要
#       description: >-
#         通用模型提供者应按欧盟人工智能办公室的模板公开一份足够详细的训练内容摘要。模型卡应在
#         `governance.training_data_summary_url` 中给出其绝对地址，或在正文中以标明“训练数据摘要”的链接给出。依据欧盟
#         《人工智能法》第五十三条第1款(d)项，以及《大模型落地路线图研究报告（2024年）》数据资源层关于训练数据透明度的要求。
#         适用范围：投放欧盟市场的模型（模型卡的 `governance.regions`，否则 govlint.yaml 中的 `profile.regions`
#         包含 `EU` 或某一成员国）；其他市场不适用，未声明市场的模型卡记为缺少证据。
#       remediation: >-
#         按欧盟模板公开训练内容摘要，并将其地址写入 `governance.training_data_summary_url`。
#       evidence: >-
#         Hugging Face 或原生模型卡中的 `governance.training_data_summary_url`，
#         或指向训练内容公开摘要的链接。
#       clauses:
#         caict-roadmap-2024: "数据资源：训练数据透明度"
#       messages:
#         "the model card links no public summary of its training content (`governance.training_data_summary_url`)": "模型卡未链接公开的训练内容摘要（`governance.training_data_summary_url`）"
#         "`training_data_summary_url` is `%v`, not an absolute URL": "`training_data_summary_url` 的值为 `%v`，不是绝对 URL"
package govlint.rules.mc016

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

path := ["governance", "training_data_summary_url"]

url := model.gov(["training_data_summary_url"])

# `[Public summary of training content](https://…)` in the body.
md_link if {
	regex.match(`(?i)\[[^\]]*(training[- ](data|content)[- ]summary|summary of (the )?training (data|content)|public summary|训练(数据|内容)摘要)[^\]]*\]\(\s*https?://[^)\s]+`, concat("\n", [s.text | some s in doc.sections]))
}

findings contains {"msg": "the model card links no public summary of its training content (`governance.training_data_summary_url`)", "path": path} if {
	not data.govlint.lib.model.cdx
	url == null
	not md_link
}

findings contains {"msg": sprintf("`training_data_summary_url` is `%v`, not an absolute URL", [url]), "path": path} if {
	not data.govlint.lib.model.cdx
	url != null
	not model.url_like(url)
}

# What the rule judges (docs/policies.md, "Evidence"): the link to the public training-content summary of a Hugging Face or native card,
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
