# METADATA
# title: A derived model names its base model and how it derives from it
# description: >-
#   A fine-tuned, adapted, quantized or merged model must name its base model (`base_model`, a
#   Hub repo id, or a list of them for a merge) and declare the relation in
#   `base_model_relation` (finetune, adapter, quantized or merge), so that the lineage of the
#   weights — and the licenses, evaluations and risks inherited with them — can be traced. The
#   rule finds derived models by `base_model_relation`, the `governance.lineage` block, tags
#   (lora, gguf, merge, finetune…), `library_name: peft`, `quantized_by`, or a "fine-tuned
#   version of" sentence in the card. An unambiguous tag or `quantized_by` counts as the relation.
#   CycloneDX components record lineage in `pedigree.ancestors` and are not checked here.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-cards#specifying-a-base-model
#     description: Hugging Face model cards, base_model and base_model_relation
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, GV-1.6-003 (inventory of third-party and derived models)
# custom:
#   id: MC002
#   severity: warning
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     nist-ai-600-1: "GV-1.6-003"
#     caict-roadmap-2024: "algorithm models: model selection and fine-tuning (base model lineage)"
#   remediation: >-
#     Add `base_model: <org>/<model>` (a list for a merge) and `base_model_relation:` with one of
#     finetune, adapter, quantized, merge; pin the base revision in
#     `governance.lineage.base_model_revision`.
#   examples:
#     pass: "base_model: Qwen/Qwen2.5-7B\nbase_model_relation: finetune"
#     fail: "base_model_relation: finetune   # which base?"
#   evidence:
#     needs: >-
#       `base_model` and `base_model_relation` in a card of a derived model (fine-tune, adapter,
#       quantisation, merge); a card that names no base model and shows no sign of derivation has
#       nothing to judge
#   i18n:
#     zh-CN:
#       title: 衍生模型须注明基础模型及衍生方式
#       description: >-
#         经微调、适配器（LoRA 等）、量化或合并得到的模型，应在模型卡中以 `base_model` 注明所基于的基础模型，
#         并以 `base_model_relation` 声明衍生方式（finetune、adapter、quantized、merge），以便追溯权重来源及随之继承的许可、
#         评测结论和风险。依据 NIST AI 600-1 GV-1.6-003 对第三方与衍生模型建立清单的要求，以及
#         《大模型落地路线图研究报告（2024年）》中模型选型与微调环节的模型资产管理要求。
#       remediation: >-
#         在前置元数据中补充 `base_model`（合并模型可为列表）与 `base_model_relation`（finetune / adapter / quantized / merge 之一），
#         并在 `governance.lineage.base_model_revision` 中固定基础模型的版本。
#       evidence: >-
#         派生模型（微调、适配器、量化、合并）模型卡中的 `base_model` 与 `base_model_relation`；
#         未指明基座模型且无派生迹象的模型卡无需判断。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型选型与微调（基座模型谱系）"
#       messages:
#         "the card marks it as a %s model": "模型卡将其标记为%s模型"
#         "the model looks derived (%s) but `base_model` does not name its base model": "该模型看似为衍生模型（%s），但 `base_model` 未注明其基础模型"
#         "the card names base model `%s` but not how it derives from it: `base_model_relation` is missing": "模型卡注明了基础模型 `%s`，但未说明衍生方式：缺少 `base_model_relation`"
#         "`base_model_relation` is `%v`; expected one of %s": "`base_model_relation` 的值为 `%v`，应为以下之一：%s"
#         "the card names no base model and nothing marks the model as derived": "模型卡未指明基座模型，也无派生迹象"
package govlint.rules.mc002

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

relation := input.base_model_relation if not data.govlint.lib.model.cdx

# Why the card looks derived, for the message.
derivation_signs contains sprintf("`base_model_relation: %v`", [relation]) if model.filled(relation)

derivation_signs contains "a `governance.lineage` block" if model.filled(model.gov(["lineage"]))

derivation_signs contains sprintf("the card marks it as a %s model", [r]) if {
	some x in model.implied_relation(doc)
	r := object.get({"finetune": "fine-tuned", "adapter": "adapter", "quantized": "quantized", "merge": "merged"}, x, x)
}

derived if count(derivation_signs) > 0

deny contains {
	"msg": sprintf("the model looks derived (%s) but `base_model` does not name its base model", [concat(", ", sort(derivation_signs))]),
	"path": ["base_model"],
} if {
	not data.govlint.lib.model.cdx
	derived
	count(data.govlint.lib.model.base_models) == 0
}

deny contains {
	"msg": sprintf("the card names base model `%s` but not how it derives from it: `base_model_relation` is missing", [concat("`, `", data.govlint.lib.model.base_models)]),
	"path": ["base_model_relation"],
} if {
	not data.govlint.lib.model.cdx
	count(data.govlint.lib.model.base_models) > 0
	not model.filled(object.get(input, "base_model_relation", null))
	count(model.implied_relation(doc)) != 1
}

deny contains {
	"msg": sprintf("`base_model_relation` is `%v`; expected one of %s", [relation, concat(", ", sort(data.govlint.lib.model.relations))]),
	"path": ["base_model_relation"],
} if {
	not data.govlint.lib.model.cdx
	model.filled(relation)
	not relation in data.govlint.lib.model.relations
}

# What the rule judges (docs/policies.md, "Evidence"): the card of a derived model, or one that
# names its base model. A card that names none and shows no sign of derivation is none of its
# business; a CycloneDX BOM has no field for it, so a BOM alone lacks the evidence.
evidence if {
	not data.govlint.lib.model.cdx
	derived
}

evidence if {
	not data.govlint.lib.model.cdx
	count(data.govlint.lib.model.base_models) > 0
}

no_subject contains "the card names no base model and nothing marks the model as derived" if {
	not data.govlint.lib.model.cdx
	not evidence
}
