# METADATA
# title: No template placeholders are left in the model card
# description: >-
#   A card generated from a template must not be published with the template's placeholders
#   still in it: `[More Information Needed]` (the Hugging Face template's default), Jinja
#   `{{ … }}` expressions, `{name}` fields of the metadata template (which YAML reads as a
#   mapping `{name: null}`), or `TODO`. The rule looks at every value and key of the front matter
#   (or of a native manifest or CycloneDX BOM) and at the text of every Markdown section except
#   those the template marks "[optional]"; code blocks and inline code are skipped, since chat
#   templates legitimately contain `{{ … }}`. Body findings point at the section's heading line.
# related_resources:
#   - ref: https://github.com/huggingface/huggingface_hub/blob/main/src/huggingface_hub/templates/modelcard_template.md
#     description: Hugging Face model card template (placeholders and [More Information Needed] defaults)
#   - ref: https://huggingface.co/docs/hub/model-cards
#     description: Hugging Face model cards
# custom:
#   id: MC014
#   severity: warning
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     baseline: hygiene
#     caict-roadmap-2024: "algorithm models: model documentation quality"
#   remediation: >-
#     Replace each placeholder with the real information, or delete the field or the section if it
#     does not apply.
#   examples:
#     pass: "co2_eq_emissions: {emissions: 1850000, source: CodeCarbon}"
#     fail: "co2_eq_emissions: \"[More Information Needed]\""
#   evidence:
#     needs: >-
#       the whole card: every front-matter value and Markdown section is read for template
#       placeholders
#   i18n:
#     zh-CN:
#       title: 模型卡不得遗留模板占位符
#       description: >-
#         由模板生成的模型卡在发布前应替换全部占位符：`[More Information Needed]`（Hugging Face 模板默认值）、Jinja
#         `{{ … }}` 表达式、元数据模板中的 `{name}` 字段（YAML 将其解析为映射 `{name: null}`）以及 `TODO`。本规则检查前置
#         元数据（或原生清单、CycloneDX 物料清单）的全部键和值，以及除模板标注为“[optional]”以外的各 Markdown 章节正文；
#         代码块与行内代码不在检查范围内（对话模板中的 `{{ … }}` 属正常内容）。正文问题定位到章节标题所在行。属于基础规范检查，
#         对应《大模型落地路线图研究报告（2024年）》关于模型文档质量的要求。
#       remediation: >-
#         以真实信息替换各占位符；不适用的字段或章节应予删除。
#       evidence: >-
#         整张模型卡：逐一检查前置元数据取值与 Markdown 章节中的模板占位符。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型文档质量"
#       messages:
#         "`{%s}` used as a key": "`{%s}` 被用作键"
#         "`%s` holds a template placeholder: %s": "`%s` 中遗留模板占位符：%s"
#         "section \"%s\" still holds template placeholders: %s": "“%s”章节仍遗留模板占位符：%s"
package govlint.rules.mc014

import data.govlint.lib.model
import rego.v1

# ---------------------------------------------------------------------------------------------
# Front matter / document values. Every composite node of the document is a parent whose
# children are tested in place, as [path, value], and a value's path is built only when it is a
# hit. Every finding of the front matter below needs one of these in the document's JSON text: a
# placeholder marker (`{{`, TODO, "information needed"), a braced name in a string, a
# one-key mapping with a null value, or a `{"…"}` key. One scan of that text spares most cards
# the walk over every value.
may_hit := `(?i)\{\{|todo|information needed|\{[^{}"]+\}|null\}|\{\\"`

may_hit_document if {
	is_object(input)
	regex.match(may_hit, json.marshal(input))
}

parents := [[p, x] | may_hit_document; walk(input, [p, x]); model.is_composite(x)]

# Chat and prompt templates legitimately hold `{{ … }}`; base64 content is not text.
skipped(p) if {
	some k in p
	is_string(k)
	regex.match(`(?i)template`, k)
}

base64_like(v) if {
	count(v) > 200
	regex.match(`^[A-Za-z0-9+/=\r\n]+$`, v)
}

hits contains [p, sprintf("`%s`", [short(m)])] if {
	some [parent, x] in parents
	some k, v in x
	is_string(v)
	regex.match(`(?i)\{\{|todo|information needed`, v)
	model.may_hold_placeholder(v)
	p := array.concat(parent, [k])
	not skipped(p)
	not base64_like(v)
	some m in model.placeholders_in(v)
}

hits contains [p, sprintf("`%s`", [display_brace(v)])] if {
	some [parent, x] in parents
	some k, v in x
	is_object(v)
	count(v) == 1
	model.brace_placeholder(v)
	p := array.concat(parent, [k])
	not skipped(p)
}

hits contains [p, sprintf("`%s`", [display_brace(v)])] if {
	some [parent, x] in parents
	some k, v in x
	is_string(v)
	contains(v, "{")
	model.brace_placeholder(v)
	p := array.concat(parent, [k])
	not skipped(p)
}

hits contains [p, sprintf("`{%s}` used as a key", [concat(", ", [trim(x, "\":") | some x in regex.find_n(`"[^"]+":`, k, -1)])])] if {
	some [parent, node] in parents
	some k, _ in node
	is_string(k)
	startswith(k, "{\"")
	model.placeholder_key(k)
	p := array.concat(parent, [k])
}

display_brace(v) := sprintf("{%s}", [k]) if {
	is_object(v)
	some k, _ in v
}

display_brace(v) := trim_space(v) if is_string(v)

short(s) := s if count(s) <= 48

short(s) := concat("", [substring(s, 0, 45), "…"]) if count(s) > 48

paths contains p if some [p, _] in hits

deny contains {
	"msg": sprintf("`%s` holds a template placeholder: %s", [path_text(p), concat(", ", sort({w | some [q, w] in hits; q == p}))]),
	"path": p,
} if {
	some p in paths
}

path_text(p) := trim_prefix(concat("", [part_text(x) | some x in p]), ".")

part_text(x) := concat("", [".", x]) if is_string(x)

part_text(x) := sprintf("[%v]", [x]) if not is_string(x)

# ---------------------------------------------------------------------------------------------
# Markdown sections (raw text, code removed), except "[optional]" ones and their sub-sections.

doc := data.govlint.lib.model.body

optional_roots := [k | some k, s in doc.sections; contains(lower(s.heading), "optional]")]

optional(i) if {
	some k in optional_roots
	model.under(doc, k, i)
}

# Section texts without code, in two regex calls over the whole body; one section at a time when
# an unclosed code fence swallows the separators.
without_code(t) := regex.replace(regex.replace(t, "(?s)```.*?```|~~~.*?~~~", " "), "`[^`\n]*`", " ")

joined := split(without_code(concat(data.govlint.lib.model.sep, [object.get(s, "text", "") | some s in data.govlint.lib.core.file_sections])), data.govlint.lib.model.sep)

code_free := joined if count(joined) == count(data.govlint.lib.core.file_sections)

code_free := [without_code(object.get(s, "text", "")) | some s in data.govlint.lib.core.file_sections] if count(joined) != count(data.govlint.lib.core.file_sections)

# Cheap test on the raw section first (a superset of what the code-free text can hold: removing
# code only replaces it with spaces), so that the body is only stripped of code when needed.
raw_may_hold(s) := true if {
	contains(s, "{{")
} else := true if {
	contains(s, "TODO")
} else := true if {
	contains(lower(s), "information")
}

section_placeholders(i) := {short(trim_space(m)) |
	s := data.govlint.lib.core.file_sections[i]
	raw_may_hold(concat("\n", [s.heading, object.get(s, "text", "")]))
	t := concat("\n", [s.heading, code_free[i]])
	model.may_hold_placeholder(t)
	some m in model.placeholders_in(t)
}

deny contains {
	"msg": sprintf("section \"%s\" still holds template placeholders: %s", [s.heading, concat(", ", [sprintf("`%s`", [m]) | some m in sort(found)])]),
	"line": s.line,
} if {
	some i, s in data.govlint.lib.core.file_sections
	found := section_placeholders(i)
	count(found) > 0
	not optional(i)
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: every value and section of the card.
# A card that states none of it fails the rule.
evidence := true
