# METADATA
# title: Model card states modalities, input/output formats and the context window
# description: >-
#   Downstream providers need to know what goes in and out of the model and how much of it. The
#   card states the input and output modalities (`governance.modalities.input`/`.output`, the
#   Hugging Face `pipeline_tag` or a task tag, or labelled "Input"/"Output" lines), the input and
#   output formats (`governance.formats`, labelled "Input"/"Output" lines, or a "Prompt format" /
#   "Chat template" section) and, for models that read token sequences, the context window
#   (`governance.context_window`, an integer number of tokens; in the body "Context Length:
#   131,072 tokens", "128K 上下文" and the like). A CycloneDX component states its formats in
#   `modelCard.modelParameters.inputs[].format` and `outputs[].format`; CycloneDX has no
#   context-window field, which goes in a native `ModelCard` beside the BOM.
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 1(e) and Annex XII, point 1(g) — modality and format of inputs and outputs; Annex XII, point 2(b) — their maximum size (context window length)
#   - ref: https://huggingface.co/docs/hub/models-widgets#enabling-a-widget
#     description: Hugging Face pipeline_tag (task, hence input and output modality)
# custom:
#   id: MC005
#   severity: warning
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI Section 1, point 1(e); Annex XII, points 1(g) and 2(b) (maximum input size: context window)"
#     caict-roadmap-2024: "algorithm models: model capability description (modalities, interfaces)"
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Add `governance.modalities` ({input: [text], output: [text]}), `governance.formats` and
#     `governance.context_window` (tokens, an integer); in CycloneDX, fill
#     `modelCard.modelParameters.inputs` and `outputs`.
#   examples:
#     pass: "governance: {modalities: {input: [text], output: [text]}, formats: {input: [chat messages (JSON)], output: [text/plain]}, context_window: 32768}"
#     fail: "governance: {modalities: {input: [text], output: [text]}, context_window: 32k}"
#   evidence:
#     needs: >-
#       `governance.modalities`, `governance.formats` and `governance.context_window` (or
#       `pipeline_tag` and the card's sections), or a CycloneDX component's
#       `modelParameters.inputs` / `outputs`
#   i18n:
#     zh-CN:
#       title: 模型卡须说明输入输出模态、格式与上下文窗口
#       description: >-
#         下游提供者需要了解模型的输入输出及其规模上限。模型卡应载明输入输出模态（`governance.modalities`、Hugging Face
#         `pipeline_tag` 或任务标签、正文中的“Input”“Output”标签行）、输入输出格式（`governance.formats`，或“Prompt format”
#         “Chat template”等章节），以及处理词元序列的模型的上下文窗口（`governance.context_window`，以词元计的整数；正文中
#         如“Context Length: 131,072 tokens”“支持 128K 上下文”）。CycloneDX 以 `modelParameters.inputs[].format`、
#         `outputs[].format` 载明格式。依据欧盟《人工智能法》附件十一第1节第1(e)点、附件十二第1(g)点（输入输出的模态与格式）及附件十二第2(b)点（输入输出的最大长度，如上下文窗口），以及《大模型落地路线图研究报告（2024年）》
#         算法模型层关于模型能力说明的要求。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         补充 `governance.modalities`（如 {input: [text], output: [text]}）、`governance.formats` 与整数形式的
#         `governance.context_window`；CycloneDX 中填写 `modelCard.modelParameters.inputs` 与 `outputs`。
#       evidence: >-
#         `governance.modalities`、`governance.formats` 与
#         `governance.context_window`（或 `pipeline_tag` 及相应章节）
#         ，或 CycloneDX 组件的 `modelParameters.inputs` / `outputs`。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型能力说明（模态、接口）"
#       messages:
#         "the model card does not state the input and output modalities: add `governance.modalities` or a `pipeline_tag`": "模型卡未说明输入输出模态：请补充 `governance.modalities` 或 `pipeline_tag`"
#         "the model card does not state the input and output formats: add `governance.formats` or a \"Prompt format\" section": "模型卡未说明输入输出格式：请补充 `governance.formats` 或“Prompt format”章节"
#         "`governance.%s` gives no %s %s": "`governance.%s` 未给出 %s %s"
#         "the model card does not state the context window: add `governance.context_window` (tokens, an integer)": "模型卡未说明上下文窗口：请补充 `governance.context_window`（以词元计的整数）"
#         "`context_window` is `%v`; write the maximum context in tokens as an integer (e.g. 32768)": "`context_window` 的值为 `%v`；请以整数写明以词元计的最大上下文长度（如 32768）"
#         "the machine-learning-model component `%v` states no %s format in `modelCard.modelParameters.%s`": "machine-learning-model 组件 `%v` 未说明 %s 格式（`modelCard.modelParameters.%s`）"
package govlint.rules.mc005

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

window := model.gov(["context_window"])

deny contains {
	"msg": "the model card does not state the input and output modalities: add `governance.modalities` or a `pipeline_tag`",
	"path": ["governance", "modalities"],
} if {
	not data.govlint.lib.model.cdx
	not is_object(model.gov(["modalities"]))
	not model.modalities_stated(doc)
}

deny contains {
	"msg": "the model card does not state the input and output formats: add `governance.formats` or a \"Prompt format\" section",
	"path": ["governance", "formats"],
} if {
	not data.govlint.lib.model.cdx
	not is_object(model.gov(["formats"]))
	not model.formats_stated(doc)
}

deny contains {
	"msg": sprintf("`governance.%s` gives no %s %s", [block, side, noun]),
	"path": ["governance", block, side],
} if {
	not data.govlint.lib.model.cdx
	some [block, noun] in [["modalities", "modality"], ["formats", "format"]]
	is_object(model.gov([block]))
	some side in ["input", "output"]
	not model.filled(model.gov([block, side]))
}

deny contains {
	"msg": "the model card does not state the context window: add `governance.context_window` (tokens, an integer)",
	"path": ["governance", "context_window"],
} if {
	not data.govlint.lib.model.cdx
	data.govlint.lib.model.context_applies
	window == null
	not model.context_window_stated(doc)
}

deny contains {
	"msg": sprintf("`context_window` is `%v`; write the maximum context in tokens as an integer (e.g. 32768)", [window]),
	"path": ["governance", "context_window"],
} if {
	not data.govlint.lib.model.cdx
	window != null
	not model.integer(window)
}

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` states no %s format in `modelCard.modelParameters.%s`", [object.get(c, "name", "?"), side, field]),
	"path": array.concat(path, ["modelCard", "modelParameters", field]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	some [side, field] in [["input", "inputs"], ["output", "outputs"]]
	not formats_given(model.mc(c, ["modelParameters", field]))
}

formats_given(list) if {
	is_array(list)
	some item in list
	is_object(item)
	model.filled(object.get(item, "format", null))
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the modalities, formats and context window.
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the documentation duties of Art. 53(1)(a) and
# (b), whose contents Annex XI Section 1 and Annex XII list; the rule's other frameworks still
# hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc005)
}
