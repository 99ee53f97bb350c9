# METADATA
# title: Model card declares a license
# description: >-
#   A model card must name the license under which the weights are released: an SPDX id or a
#   Hugging Face license id. `license: other` must come with `license_name` and `license_link`.
#   Without it, downstream users cannot know what they may do with the model. A license stated
#   only in the Markdown body ("## License", "**License** …") is not machine-readable: the rule
#   still fires, and says where the body mentions it. A value with spaces ("Apache 2.0") is not a
#   license id. CycloneDX components declare `licenses` (an SPDX `id`, a `name` or an
#   `expression`).
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-cards#specifying-a-license
#   - ref: https://huggingface.co/docs/hub/repositories-licenses
#     description: Hugging Face license identifiers
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 1(f) and Annex XII, point 1(h) — the licence
# custom:
#   id: MC001
#   severity: error
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI Section 1, point 1(f); Annex XII, point 1(h)"
#     caict-roadmap-2024: "algorithm models: model asset management"
#     baseline: hygiene
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Add `license:` with an SPDX id (e.g. `apache-2.0`) or a Hugging Face license id; with `license: other`, add `license_name` and `license_link`.
#   examples:
#     pass: "license: apache-2.0"
#     fail: "language: en  # no license"
#   evidence:
#     needs: >-
#       `license` (an SPDX or Hugging Face id; `license_name` and `license_link` for `other`) in
#       the card, or the `licenses` of each CycloneDX machine-learning-model component
#   i18n:
#     zh-CN:
#       title: 模型卡须声明许可证
#       description: >-
#         模型卡应以 SPDX 标识符或 Hugging Face 许可证标识符注明模型权重的发布许可；`license: other` 须同时给出 `license_name`
#         与 `license_link`。缺少许可声明，下游使用者无从判断可对模型做什么。仅在 Markdown 正文中说明许可（如“## License”
#         “协议”章节）不可被机器读取，本规则仍会报告，并指出正文提及之处；含空格的值（如“Apache 2.0”）不是许可证标识符。
#         CycloneDX 组件以 `licenses`（SPDX `id`、`name` 或 `expression`）声明。依据 Hugging Face 模型卡规范、欧盟
#         《人工智能法》附件十一第1节第1(f)点、附件十二第1(h)点，以及《大模型落地路线图研究报告（2024年）》算法模型层关于模型资产管理的要求。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         在前置元数据中添加 `license:`，取 SPDX 标识符（如 `apache-2.0`）或 Hugging Face 许可证标识符；使用 `license: other`
#         时须补充 `license_name` 与 `license_link`。
#       evidence: >-
#         模型卡中的 `license`（SPDX 或 Hugging Face 许可证标识；`other` 时须有 `license_name` 与
#         `license_link`），或 CycloneDX 机器学习模型组件的 `licenses`。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型资产管理"
#       messages:
#         " (the body mentions one in \"%s\", line %d, but that is not machine-readable)": "（正文在“%s”第 %d 行提及许可证，但并非机器可读）"
#         " (the body states one on a \"%s\" line, but that is not machine-readable)": "（正文在“%s”一行写明了许可证，但并非机器可读）"
#         "the model card declares no license%s": "模型卡未声明许可证%s"
#         "the machine-learning-model component declares no license": "machine-learning-model 组件未声明许可证"
#         "`license: other` needs `%s` naming the license": "使用 `license: other` 时须以 `%s` 写明具体许可证"
#         "`license` is `%s`, not an SPDX or Hugging Face license id, nor a license name govlint knows (ids have no spaces, e.g. `apache-2.0`)": "`license` 的值为 `%s`，既不是 SPDX 或 Hugging Face 许可证标识符，也不是 govlint 认识的许可证名称（标识符不含空格，如 `apache-2.0`）"
#         "`license` is the name `%s`; the Hub reads only license ids: write `%s`": "`license` 写的是许可证名称 `%s`；Hub 只识别许可证标识符，请写作 `%s`"
package govlint.rules.mc001

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

# Where the body mentions a license, for the message.
body_hint := sprintf(" (the body mentions one in \"%s\", line %d, but that is not machine-readable)", [doc.sections[i].heading, doc.sections[i].line]) if {
	i := min(model.matching(doc, `licen[cs]e|协议|许可`))
	model.tree_filled(doc, i)
}

body_hint := sprintf(" (the body states one on a \"%s\" line, but that is not machine-readable)", [label_name(model.labelled(doc, `licen[cs]e`)[0])]) if {
	count(model.matching(doc, `licen[cs]e|协议|许可`)) == 0
	count(model.labelled(doc, `licen[cs]e`)) > 0
}

default body_hint := ""

deny contains {"msg": sprintf("the model card declares no license%s", [body_hint]), "path": ["license"]} if {
	data.govlint.lib.model.format != "cyclonedx"
	count(data.govlint.lib.model.licenses) == 0
}

deny contains {"msg": "the machine-learning-model component declares no license", "path": array.concat(path, ["licenses"])} if {
	some [path, c] in data.govlint.lib.model.ml_components
	count(model.as_list(object.get(c, "licenses", null))) == 0
}

deny contains {"msg": sprintf("`license: other` needs `%s` naming the license", [field]), "path": [field]} if {
	"other" in data.govlint.lib.model.licenses
	some field in ["license_name", "license_link"]
	not input[field]
}

deny contains {"msg": sprintf("`license` is `%s`, not an SPDX or Hugging Face license id, nor a license name govlint knows (ids have no spaces, e.g. `apache-2.0`)", [l]), "path": ["license"]} if {
	data.govlint.lib.model.format != "cyclonedx"
	some l in data.govlint.lib.model.licenses
	not regex.match(`^[A-Za-z0-9][A-Za-z0-9.+_-]*$`, trim_space(l))
	not known_names[squash(l)]
}

# A license name as ModelScope's card template writes it (`Apache License 2.0`) names the
# license: on a ModelScope card that is its form. On a Hugging Face card the Hub reads only
# ids, so the card is told the id, as a warning.
deny contains {"msg": sprintf("`license` is the name `%s`; the Hub reads only license ids: write `%s`", [l, known_names[squash(l)]]), "path": ["license"], "severity": "warning"} if {
	not data.govlint.lib.model.format in {"cyclonedx", "modelscope"}
	some l in data.govlint.lib.model.licenses
	not regex.match(`^[A-Za-z0-9][A-Za-z0-9.+_-]*$`, trim_space(l))
	known_names[squash(l)]
}

squash(l) := regex.replace(lower(trim_space(l)), `[\s,_-]+|\bversion\b|\bthe\b|\blicen[cs]e\b`, "")

# Common license names (ModelScope's card template and hub, and how authors write them),
# squashed as above, with their SPDX ids.
known_names := {
	"apache2.0": "apache-2.0", "apache2": "apache-2.0",
	"mit": "mit",
	"bsd3clause": "bsd-3-clause", "bsd2clause": "bsd-2-clause",
	"gpl3.0": "gpl-3.0", "gplv3": "gpl-3.0", "gnugeneralpublic3.0": "gpl-3.0", "gpl2.0": "gpl-2.0",
	"lgpl3.0": "lgpl-3.0", "agpl3.0": "agpl-3.0", "mpl2.0": "mpl-2.0",
	"ccby4.0": "cc-by-4.0", "ccbysa4.0": "cc-by-sa-4.0", "ccbync4.0": "cc-by-nc-4.0", "ccbyncsa4.0": "cc-by-nc-sa-4.0", "ccbynd4.0": "cc-by-nd-4.0", "ccbyncnd4.0": "cc-by-nc-nd-4.0",
	"creativecommonsattribution4.0": "cc-by-4.0", "creativecommonsattributionnoncommercial4.0": "cc-by-nc-4.0",
	"cc0": "cc0-1.0", "cc01.0": "cc0-1.0", "unlicense": "unlicense", "openrail": "openrail", "openrail++": "openrail++",
	"llama2community": "llama2", "llama3community": "llama3", "llama3.1community": "llama3.1", "llama3.2community": "llama3.2",
}

# `**License** A custom…` → License; `- License: Apache 2.0` → License.
label_name(line) := trim(regex.find_n(`[^*_:：\-\s][^*_:：]*`, line, 1)[0], " \t")

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the license fields (or a CycloneDX component's licenses).
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the documentation duties of Art. 53(1)(a) and
# (b), whose contents Annex XI Section 1 and Annex XII list; the rule's other frameworks still
# hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc001)
}
