# METADATA
# title: A deployer in the EU discloses deep fakes and AI-generated public-interest text, at the first exposure
# description: >-
#   A deployer of a system that generates or manipulates image, audio or video content
#   constituting a deep fake discloses that the content is artificially generated or manipulated
#   (for evidently artistic, creative, satirical or fictional work, only that it exists); a
#   deployer of a system that generates or manipulates text published to inform the public on
#   matters of public interest discloses it too, unless the text undergoes human review or
#   editorial control and a natural or legal person holds editorial responsibility. The
#   information is given clearly and distinguishably at the latest at the first interaction or
#   exposure. The native `DeploymentManifest` records `governance.eu_disclosure`: `deep_fake`
#   (how it is disclosed) where the service outputs image, audio or video
#   (`governance.output_modalities`); `public_interest_text: {published, disclosed |
#   editorial_review with editorial_responsibility}`; `timing: first-interaction`. Scope: a
#   service placed on the EU market (its `service.regions`, else the repository profile's);
#   without declared markets it lacks the evidence. Art. 50 applies from 2 August 2026.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 50(4) (deployers disclose deep fakes and AI-generated or manipulated text published on matters of public interest), Art. 50(5) (clear and distinguishable, at the latest at the first interaction or exposure); recital 134
# custom:
#   id: DP023
#   severity: error
#   kinds: [deployment-config]
#   layer: application-services
#   stage: application-deployment
#   frameworks:
#     eu-ai-act: ["Art. 50(4)", "Art. 50(5)"]
#     caict-roadmap-2024: "security & trustworthiness: identification of AI-generated content"
#   secondary_source: >-
#     The substance of Art. 50(4) is read in recital 134; the article's own wording of 50(4) and
#     50(5) is known from consistent secondary reproductions.
#   remediation: >-
#     Record `governance.eu_disclosure: {deep_fake, public_interest_text: {published, disclosed |
#     editorial_review, editorial_responsibility}, timing: first-interaction}` in the
#     DeploymentManifest of a service offered in the EU.
#   examples:
#     pass: "governance: {service: {regions: [EU]}, output_modalities: [text, image], eu_disclosure: {deep_fake: Visible 'AI-generated' caption and C2PA manifest, public_interest_text: {published: false}, timing: first-interaction}}"
#     fail: "governance: {service: {regions: [EU]}, output_modalities: [video], eu_disclosure: {public_interest_text: {published: true}}}"
#   evidence:
#     needs: >-
#       `governance.output_modalities` and `governance.eu_disclosure` (deep fakes, public-interest
#       text, timing) in the DeploymentManifest of a service placed on the EU market
#   i18n:
#     zh-CN:
#       title: 欧盟境内的部署者须在首次交互或接触时披露深度合成内容与公共利益文本系人工智能生成
#       description: >-
#         生成或操纵构成深度合成（deep fake）的图像、音频或视频内容的系统的部署者，应披露该内容系人工生成或操纵（明显属于艺术、
#         创作、讽刺或虚构作品的，仅须披露其存在）；生成或操纵为就公共利益事项向公众提供信息而发布的文本的系统的部署者，亦应披露，
#         除非该文本经过人工审核或编辑控制且有自然人或法人承担编辑责任。上述信息应最迟在首次交互或接触时以清晰、可区分的方式提供。
#         DeploymentManifest 应记录 `governance.eu_disclosure`：服务输出图像、音频或视频（`governance.output_modalities`）时的
#         `deep_fake`（披露方式）；`public_interest_text: {published, disclosed | editorial_review 与 editorial_responsibility}`；
#         `timing: first-interaction`。适用于投放欧盟市场的服务（`service.regions`，否则仓库画像）；未声明市场的记为缺少证据。依据欧盟
#         《人工智能法》第五十条第4款、第5款（自 2026 年 8 月 2 日起适用；第4款实质内容见序言第134段，条文措辞取自一致的二手转载）。
#       remediation: >-
#         在面向欧盟的服务的 DeploymentManifest 中记录 `governance.eu_disclosure: {deep_fake, public_interest_text: {published,
#         disclosed | editorial_review, editorial_responsibility}, timing: first-interaction}`。
#       evidence: >-
#         投放欧盟市场的服务的 DeploymentManifest 中的 `governance.output_modalities` 与 `governance.eu_disclosure`（深度合成、
#         公共利益文本、披露时机）。
#       clauses:
#         caict-roadmap-2024: "安全可信：人工智能生成内容标识"
#       messages:
#         "the service outputs %s in the EU but does not say how deep fakes are disclosed as artificially generated or manipulated (governance.eu_disclosure.deep_fake; Art. 50(4))": "服务在欧盟输出 %s，但未说明如何披露深度合成内容系人工生成或操纵（governance.eu_disclosure.deep_fake；第五十条第4款）"
#         "the service does not say whether it publishes text on matters of public interest (governance.eu_disclosure.public_interest_text.published; Art. 50(4))": "服务未说明是否发布涉及公共利益事项的文本（governance.eu_disclosure.public_interest_text.published；第五十条第4款）"
#         "public-interest text is published without disclosure, human review or a person holding editorial responsibility (governance.eu_disclosure.public_interest_text; Art. 50(4))": "发布涉及公共利益事项的文本，但既未披露，也无人工审核或承担编辑责任的人（governance.eu_disclosure.public_interest_text；第五十条第4款）"
#         "the disclosures are not given at the latest at the first interaction or exposure (governance.eu_disclosure.timing: %v; Art. 50(5))": "披露未在首次交互或接触时提供（governance.eu_disclosure.timing: %v；第五十条第5款）"
package govlint.rules.dp023

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

disclosure := object.get(data.govlint.lib.deploy.governance, "eu_disclosure", {})

outputs := {m | some m in deploy.g(["output_modalities"]); is_string(m)} if is_array(deploy.g(["output_modalities"]))

default outputs := set()

synthetic_media := outputs & {"image", "audio", "video"}

text := object.get(disclosure, "public_interest_text", {}) if is_object(disclosure)

default text := {}

deny contains {
	"msg": sprintf("the service outputs %s in the EU but does not say how deep fakes are disclosed as artificially generated or manipulated (governance.eu_disclosure.deep_fake; Art. 50(4))", [concat(", ", sort(synthetic_media))]),
	"path": deploy.gpath(["eu_disclosure", "deep_fake"]),
} if {
	data.govlint.lib.deploy.eu_scope
	count(synthetic_media) > 0
	not core.present(object.get(disclosure, "deep_fake", null))
}

deny contains {"msg": "the service does not say whether it publishes text on matters of public interest (governance.eu_disclosure.public_interest_text.published; Art. 50(4))", "path": deploy.gpath(["eu_disclosure", "public_interest_text", "published"])} if {
	data.govlint.lib.deploy.eu_scope
	not is_boolean(object.get(text, "published", null))
}

deny contains {"msg": "public-interest text is published without disclosure, human review or a person holding editorial responsibility (governance.eu_disclosure.public_interest_text; Art. 50(4))", "path": deploy.gpath(["eu_disclosure", "public_interest_text"])} if {
	data.govlint.lib.deploy.eu_scope
	text.published == true
	not text.disclosed == true
	not editorially_controlled
}

editorially_controlled if {
	text.editorial_review == true
	core.present(object.get(text, "editorial_responsibility", null))
}

deny contains {
	"msg": sprintf("the disclosures are not given at the latest at the first interaction or exposure (governance.eu_disclosure.timing: %v; Art. 50(5))", [object.get(disclosure, "timing", "missing")]),
	"path": deploy.gpath(["eu_disclosure", "timing"]),
} if {
	data.govlint.lib.deploy.eu_scope
	object.get(disclosure, "timing", null) != "first-interaction"
}

# What the rule judges (docs/policies.md, "Evidence"): the deployer disclosures of a service
# placed on the EU market.
evidence if {
	data.govlint.lib.deploy.eu_scope
	is_object(deploy.g(["eu_disclosure"]))
}

not_applicable contains r if r := data.govlint.lib.deploy.eu_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.eu_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
