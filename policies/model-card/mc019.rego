# METADATA
# title: CycloneDX modelCard is well placed and its approach type is known
# description: >-
#   In a CycloneDX ML-BOM, a `modelCard` describes a component of `type: machine-learning-model`
#   and belongs on no other component type; its `modelParameters.approach.type` takes one of the
#   values the specification defines (supervised, unsupervised, reinforcement-learning,
#   semi-supervised, self-supervised). Other tools drop or reject a model card that breaks these
#   rules, and the BOM then loses its model documentation. Applies to CycloneDX files only.
# related_resources:
#   - ref: https://cyclonedx.org/docs/1.6/json/#components_items_modelCard
#     description: CycloneDX 1.6 JSON reference, component modelCard and modelParameters.approach.type
#   - ref: https://cyclonedx.org/capabilities/mlbom/
#     description: CycloneDX Machine Learning Bill of Materials (ML-BOM)
# custom:
#   id: MC019
#   severity: error
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "algorithm models: model asset management (ML-BOM)"
#   remediation: >-
#     Move the `modelCard` to the component of `type: machine-learning-model` it describes, and set
#     `modelParameters.approach.type` to supervised, unsupervised, reinforcement-learning,
#     semi-supervised or self-supervised.
#   examples:
#     pass: "{\"type\": \"machine-learning-model\", \"modelCard\": {\"modelParameters\": {\"approach\": {\"type\": \"supervised\"}}}}"
#     fail: "{\"type\": \"library\", \"modelCard\": {\"modelParameters\": {\"approach\": {\"type\": \"fine-tuning\"}}}}"
#   evidence:
#     needs: >-
#       the `modelCard` of the components of a CycloneDX BOM; other cards have nothing to judge
#   i18n:
#     zh-CN:
#       title: CycloneDX modelCard 须置于模型组件且学习方式取值合规
#       description: >-
#         在 CycloneDX 机器学习物料清单（ML-BOM）中，`modelCard` 只用于描述 `type: machine-learning-model` 的组件，不应出现在
#         其他类型的组件上；其 `modelParameters.approach.type` 须取规范定义的值之一（supervised、unsupervised、
#         reinforcement-learning、semi-supervised、self-supervised），否则其他工具会丢弃或拒收该模型卡。依据 CycloneDX 1.6
#         规范，以及《大模型落地路线图研究报告（2024年）》算法模型层关于模型资产管理的要求。仅适用于 CycloneDX 文件。
#       remediation: >-
#         将 `modelCard` 移至其所描述的 `type: machine-learning-model` 组件，并将 `modelParameters.approach.type` 设为
#         supervised、unsupervised、reinforcement-learning、semi-supervised 或 self-supervised 之一。
#       evidence: >-
#         CycloneDX BOM 各组件的 `modelCard`；其他格式的模型卡无需判断。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型资产管理（ML-BOM）"
#       messages:
#         "component `%v` of type `%v` carries a `modelCard`; only `machine-learning-model` components may": "类型为 `%[2]v` 的组件 `%[1]v` 带有 `modelCard`；只有 `machine-learning-model` 组件可以携带"
#         "`modelParameters.approach.type` of component `%v` is `%v`; expected one of %s": "组件 `%v` 的 `modelParameters.approach.type` 为 `%v`，应为以下之一：%s"
#         "`modelCard` of component `%v` is not an object": "组件 `%v` 的 `modelCard` 不是对象"
#         "not a CycloneDX BOM": "不是 CycloneDX BOM"
package govlint.rules.mc019

import data.govlint.lib.model
import rego.v1

# CycloneDX 1.5–1.7 enumeration of modelParameters.approach.type.
approach_types := {"supervised", "unsupervised", "reinforcement-learning", "semi-supervised", "self-supervised"}

deny contains {
	"msg": sprintf("component `%v` of type `%v` carries a `modelCard`; only `machine-learning-model` components may", [object.get(c, "name", "?"), object.get(c, "type", "?")]),
	"path": array.concat(path, ["modelCard"]),
} if {
	some [path, c] in data.govlint.lib.model.cdx_components
	c.type != "machine-learning-model"
	c.modelCard
}

deny contains {
	"msg": sprintf("`modelParameters.approach.type` of component `%v` is `%v`; expected one of %s", [object.get(c, "name", "?"), t, concat(", ", sort(approach_types))]),
	"path": array.concat(path, ["modelCard", "modelParameters", "approach", "type"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	t := model.mc(c, ["modelParameters", "approach", "type"])
	t != null
	not t in approach_types
}

deny contains {
	"msg": sprintf("`modelCard` of component `%v` is not an object", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	c.modelCard
	not is_object(c.modelCard)
}

# What the rule judges (docs/policies.md, "Evidence"): the components of a CycloneDX BOM; other
# cards are none of its business.
evidence if some _ in data.govlint.lib.model.cdx_components

no_subject contains "not a CycloneDX BOM" if not data.govlint.lib.model.cdx
