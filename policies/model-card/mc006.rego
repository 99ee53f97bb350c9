# METADATA
# title: Model card describes the training data and links its datasets
# description: >-
#   The documentation of a general-purpose model describes the data used for training: its type,
#   its provenance (where it came from and how it was obtained), its curation (cleaning,
#   filtering, deduplication) and its size, and names the datasets so that their manifests can
#   be found. The card states them in `governance.training_data` (`types`, `provenance`,
#   `curation`, `size`, `datasets`) or, in a Hugging Face card, in a "Training Data" section
#   (which covers type and provenance; size and curation must be stated in it, e.g. "15 trillion
#   tokens", "deduplicated") with the datasets in the `datasets:` field. A CycloneDX component
#   lists its datasets in `modelCard.modelParameters.datasets` (inline, or a `ref` to a `data`
#   component of the same BOM); the other facts go in a native `ModelCard` beside the BOM.
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 2(c) and Annex XII, point 2(c) — type, provenance, curation and number of data points of the training data
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 7 (training data from lawful sources)
#   - ref: https://huggingface.co/docs/hub/model-cards#specifying-a-dataset
#     description: Hugging Face model cards, datasets field
# custom:
#   id: MC006
#   severity: error
#   kinds: [model-card]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI Section 1, point 2(c); Annex XII, point 2(c)"
#     cn-genai: "Interim Measures Art. 7 (lawful sources, quality of training data); TC260-003 §5 (corpus security)"
#     caict-roadmap-2024: "data resources: data asset management and provenance of training data"
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Add `governance.training_data` with `types`, `provenance`, `curation`, `size` and
#     `datasets` (names of the dataset manifests), or a "Training Data" section stating the size and
#     curation, with the datasets in `datasets:`; in CycloneDX, list
#     `modelCard.modelParameters.datasets`.
#   examples:
#     pass: "governance: {training_data: {types: [web text], provenance: crawl 2024, curation: dedup + toxicity filter, size: {tokens: 2100000000}, datasets: [{name: web-crawl}]}}"
#     fail: "governance: {training_data: {types: [web text]}}"
#   evidence:
#     needs: >-
#       `governance.training_data` (types, provenance, curation, size, datasets) or a "Training
#       Data" section, or a CycloneDX component's `modelParameters.datasets`
#   i18n:
#     zh-CN:
#       title: 模型卡须说明训练数据并关联数据集清单
#       description: >-
#         通用模型的技术文档应说明训练数据的类型、来源（从何处、以何种方式获取）、整理方法（清洗、过滤、去重）和规模，
#         并列出所用数据集，以便找到对应的数据集清单。模型卡可在 `governance.training_data`（`types`、`provenance`、
#         `curation`、`size`、`datasets`）中载明；Hugging Face 模型卡也可在“Training Data”章节中说明（须写明规模与整理方法），
#         并在 `datasets:` 字段列出数据集。CycloneDX 以 `modelCard.modelParameters.datasets` 列出数据集。依据
#         《生成式人工智能服务管理暂行办法》第七条（使用具有合法来源的数据、提高训练数据质量）、
#         《生成式人工智能服务安全基本要求》(TC260-003) 第5章语料安全要求、欧盟《人工智能法》附件十一第1节第2(c)点与附件十二第2(c)点，
#         以及《大模型落地路线图研究报告（2024年）》数据资源层关于数据资产管理的要求。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         补充 `governance.training_data` 的 `types`、`provenance`、`curation`、`size` 与 `datasets`（数据集清单名称），
#         或在“Training Data”章节写明规模和整理方法并在 `datasets:` 列出数据集；CycloneDX 中填写 `modelParameters.datasets`。
#       evidence: >-
#         `governance.training_data`（类型、来源、整理、规模、数据集）或“训练数据”章节，
#         或 CycloneDX 组件的 `modelParameters.datasets`。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据资产管理与训练数据来源"
#       messages:
#         "`governance.training_data` does not state `%s`": "`governance.training_data` 未说明 `%s`"
#         "the model card does not describe its training data (%s): add `governance.training_data` or a \"Training Data\" section": "模型卡未说明训练数据（%s）：请补充 `governance.training_data` 或“Training Data”章节"
#         "the model card mentions its training data only in passing, without the %s: add `governance.training_data` or a \"Training Data\" section": "模型卡仅附带提及训练数据，未说明 %s：请补充 `governance.training_data` 或“Training Data”章节"
#         "the \"%s\" section does not state the training data's %s: add it there or in `governance.training_data`": "“%s”章节未说明训练数据的 %s：请在该章节或 `governance.training_data` 中补充"
#         "the machine-learning-model component `%v` lists no training datasets in `modelCard.modelParameters.datasets`": "machine-learning-model 组件 `%v` 未在 `modelCard.modelParameters.datasets` 中列出训练数据集"
#         "dataset reference `%s` of component `%v` names no component or data entry of this BOM": "组件 `%[2]v` 的数据集引用 `%[1]s` 未指向本物料清单中的任何组件或数据条目"
package govlint.rules.mc006

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

td := model.gov(["training_data"])

parts := ["types", "provenance", "curation", "size", "datasets"]

# The filled "Training Data" sections of the body, else paragraphs about the training data.
section_prose := model.training_section_prose(doc)

has_section if count(section_prose) > 0

paragraphs := model.training_paragraphs(doc) if not has_section

default paragraphs := []

training_text := array.concat(section_prose, paragraphs)

described if count(training_text) > 0

has_part(p) if {
	is_object(td)
	model.filled(object.get(td, p, null))
}

has_part("types") if described

has_part("provenance") if described

has_part("curation") if regex.match(data.govlint.lib.model.training_curation_re, concat("\n", training_text))

has_part("curation") if model.section_filled(doc, `preprocess|data (cleaning|filtering|curation|processing)|数据(清洗|处理|过滤)`)

has_part("size") if regex.match(data.govlint.lib.model.training_size_re, concat("\n", training_text))

has_part("datasets") if count(data.govlint.lib.model.hf_datasets) > 0

# Links to dataset cards from the training-data section.
has_part("datasets") if {
	some t in model.section_texts(doc, data.govlint.lib.model.training_heading)
	regex.match(`(?i)huggingface\.co/datasets/|\]\((\.\.?/|/)?[^)\s]*datasets?/[^)\s]*\)`, t)
}

missing := [p | some p in parts; not has_part(p)]

deny contains {
	"msg": sprintf("`governance.training_data` does not state `%s`", [p]),
	"path": ["governance", "training_data", p],
} if {
	not data.govlint.lib.model.cdx
	is_object(td)
	some p in missing
}

deny contains {
	"msg": sprintf("the model card does not describe its training data (%s): add `governance.training_data` or a \"Training Data\" section", [concat(", ", missing)]),
	"path": ["governance", "training_data"],
} if {
	not data.govlint.lib.model.cdx
	not is_object(td)
	not described
	count(missing) > 0
}

deny contains {
	"msg": sprintf("the model card mentions its training data only in passing, without the %s: add `governance.training_data` or a \"Training Data\" section", [concat(", ", missing)]),
	"path": ["governance", "training_data"],
} if {
	not data.govlint.lib.model.cdx
	not is_object(td)
	not has_section
	described
	count(missing) > 0
}

deny contains {
	"msg": sprintf("the \"%s\" section does not state the training data's %s: add it there or in `governance.training_data`", [doc.sections[i].heading, concat(", ", missing)]),
	"line": doc.sections[i].line,
} if {
	not data.govlint.lib.model.cdx
	not is_object(td)
	has_section
	count(missing) > 0
	i := min([j | some j in model.matching(doc, data.govlint.lib.model.training_heading); model.tree_filled(doc, j)])
}

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` lists no training datasets in `modelCard.modelParameters.datasets`", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "modelParameters", "datasets"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	not model.filled(model.mc(c, ["modelParameters", "datasets"]))
}

deny contains {
	"msg": sprintf("dataset reference `%s` of component `%v` names no component or data entry of this BOM", [d.ref, object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "modelParameters", "datasets", j, "ref"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	some j, d in model.as_list(model.mc(c, ["modelParameters", "datasets"]))
	is_object(d)
	is_string(d.ref)
	not d.ref in data.govlint.lib.model.cdx_refs
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the training data description.
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the documentation duties of Art. 53(1)(a) and
# (b), whose contents Annex XI Section 1 and Annex XII list; the rule's other frameworks still
# hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc006)
}
