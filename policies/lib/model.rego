# Format-neutral access to model cards: Hugging Face front matter and Markdown body, native
# manifests and CycloneDX ML-BOMs all answer the same questions here, so rules never branch on
# format more than "the card" (front matter / native manifest, with its Markdown body) versus
# "a CycloneDX machine-learning-model component".
#
# Facts that CycloneDX has no field for (safety evaluations, copyright policy, approvals…) live in
# a native `ModelCard` beside the BOM; rules about them skip CycloneDX files (`not cdx`), as MC009
# does, so that the BOM is not blamed for what only the manifest can carry.
#
# Facts that a Hugging Face card may state in prose are looked up in three places, in this order:
# the `governance:` block (or the HF field that carries the fact), a Markdown section whose heading
# names the fact (with its sub-sections), and a labelled line of the body (`**Out-of-scope** …`,
# `- Model type: …`). Text that only holds template placeholders does not count.
#
# Performance: regorus evaluates every rule of a package as soon as one of them is referenced,
# and compiles a regular expression at each call. So the rules of this package are cheap (no
# regular expressions over the body), and everything about the Markdown body is a function of
# `doc`, the preprocessed body that a rule builds once with `markdown(core.file_sections)` — in
# a handful of regex calls over the whole body, not per section.
package govlint.lib.model

import data.govlint.lib.core
import rego.v1

default format := ""

format := data.govlint.file.format

cdx if format == "cyclonedx"

# The governance block (Hugging Face front matter or native manifest), or {}.
default governance := {}

governance := g if {
	not cdx
	g := input.governance
	is_object(g)
}

# The value at a path of the governance block, or null.
gov(path) := object.get(governance, path, null)

as_list(v) := v if {
	is_array(v)
} else := [] if {
	v == null
} else := [v]

is_composite(x) := true if {
	is_array(x)
} else := true if {
	is_object(x)
}

# ---------------------------------------------------------------------------------------------
# Markets: where the model is offered (the card's `governance.regions`, else the repository
# profile's). The Chinese rules (TC260-003 evaluations: MC009, MC010) apply to a model
# offered in China, unless the profile says the service is not public; the EU AI Act's
# provider duties (MC015, MC016) to a model placed on the EU market. Without declared markets
# they lack the evidence: a card is never in or out of a market by default.

card_regions := core.regions_of(gov(["regions"]))

regions_field := "governance.regions"

cn_market if core.cn_market(card_regions)

eu_market if core.eu_market(card_regions)

cn_exclusion := core.cn_exclusion("model", card_regions, regions_field)

eu_exclusion := core.eu_exclusion("model", card_regions, regions_field)

cn_undeclared := core.cn_undeclared("model", card_regions, regions_field)

eu_undeclared := core.markets_undeclared("model", card_regions, regions_field)

# Systemic risk (EU AI Act Art. 51; MC021) as declared: the card's declaration, else the
# repository profile's.
declared_systemic := v if {
	v := gov(["systemic_risk"])
	is_boolean(v)
}

declared_systemic := v if {
	not is_boolean(gov(["systemic_risk"]))
	v := data.govlint.lib.core.profile.systemic_risk
	is_boolean(v)
}

# EU AI Act Art. 53(2): the duties of Art. 53(1)(a) (technical documentation) and (b)
# (information for downstream providers) do not apply to a model released under a free and
# open-source licence that allows its access, usage, modification and distribution, whose
# parameters (weights), architecture and usage information are publicly available; nor does
# the exception to a model with systemic risk. A card shows it by licences that are all in the
# rule's `open_source_licenses` (a parameter: the Regulation names no licence), by
# `governance.weights_public: true`, and by an established absence of systemic risk: declared
# (`systemic_risk: false`, the card's or the profile's) or training compute at most the rule's
# `systemic_risk_flop`. A card that leaves any of it unsaid keeps the duties. The reason, when
# the exception applies (for the rules' `exempt`).
eu_open_release(params) := sprintf("EU AI Act Art. 53(2): released under %s with public weights (`governance.weights_public: true`) and declared without systemic risk (`systemic_risk: false`)", [names]) if {
	names := open_release_licences(params)
	declared_systemic == false
} else := sprintf("EU AI Act Art. 53(2): released under %s with public weights (`governance.weights_public: true`), its training compute (%s FLOP) at most %s FLOP", [names, sci(flop), sci(params.systemic_risk_flop)]) if {
	names := open_release_licences(params)
	not declared_systemic == true
	flop := gov(["training_compute_flop"])
	is_number(flop)
	flop <= params.systemic_risk_flop
}

# The card's licences, named, when they are all open and its weights declared public.
open_release_licences(params) := concat(", ", sort([sprintf("`%s`", [l]) | some l in licenses])) if {
	count(licenses) > 0
	open := {lower(l) | some l in params.open_source_licenses}
	every l in licenses {
		lower(l) in open
	}
	gov(["weights_public"]) == true
}

# ---------------------------------------------------------------------------------------------
# Template placeholders (MC014) and values that say something

# `[More Information Needed]` (HF template default), a Jinja `{{ … }}`, or an upper-case TODO.
placeholder_re := `(?i:\[\s*more information needed\s*\])|\{\{[\s\S]*?\}\}|(?-u:\b)TODO(?-u:\b)`

placeholders_in(s) := regex.find_n(placeholder_re, s, -1)

# Cheap test first: most values hold none of the markers.
placeholder_hint := `\{\{|TODO|(?i:information needed)`

may_hold_placeholder(s) if regex.match(placeholder_hint, s)

without_placeholders(s) := regex.replace(s, placeholder_re, " ") if may_hold_placeholder(s)

without_placeholders(s) := s if not may_hold_placeholder(s)

# An unquoted YAML `{name}` parses as a one-key mapping `{name: null}`; `{{ x }}` as a key parses
# as a mapping key, which the YAML→JSON conversion turns into its JSON text `{"x":null}`.
brace_placeholder(x) if {
	is_object(x)
	count(x) == 1
	some k, v in x
	v == null
	regex.match(`^[A-Za-z_][A-Za-z0-9_.-]*$`, k)
}

# The same written as a string: "{license}".
brace_placeholder(x) if {
	is_string(x)
	regex.match(brace_text, x)
}

brace_text := `^\s*\{\s*[A-Za-z_][A-Za-z0-9_.-]*\s*\}\s*$`

placeholder_key(k) if {
	is_string(k)
	startswith(k, "{\"")
	endswith(k, "}")
}

# (The helpers above written out: `filled` tests every value it walks.)
scalar_filled(x) := true if {
	is_string(x)
	text_filled(x)
} else := true if {
	is_number(x)
} else := true if {
	x == true
}

text_filled(x) := true if {
	not regex.match(placeholder_hint, x)
	trim_space(x) != ""
	not regex.match(brace_text, x)
} else := true if {
	regex.match(placeholder_hint, x)
	regex.match(`[\p{L}\p{N}]`, regex.replace(x, placeholder_re, " "))
}

# A value that says something: text that is not only placeholders, a number, true, or a
# list/object holding such a value (three levels deep; Rego has no recursion). An absent
# field (`null`) is settled before the walk.
filled(x) if {
	x != null
	walk(x, [path, v])
	count(path) <= 3
	scalar_filled(v)
}

# An absolute URI (`https://…`, `s3://…`).
url_like(x) if {
	is_string(x)
	contains(x, "://")
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://\S+$`, trim_space(x))
}

# An integer (YAML/JSON numbers may arrive as floats: 7615616512 or 7.6e9).
integer(x) if {
	is_number(x)
	x == floor(x)
}

# An ISO 8601 calendar date, optionally with a time (RFC 3339).
iso_date(x) if {
	is_string(x)
	regex.match(`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:?[0-9]{2})?)?$`, x)
}

# The calendar day of an ISO date, comparable as a string.
day(x) := substring(x, 0, 10) if iso_date(x)

# A large number written the way a card writes it: 95000000000000000000000 → 9.5e+22.
sci(x) := sprintf("%v", [x]) if x < 1000000

sci(x) := s if {
	x >= 1000000
	digits := split(sprintf("%v", [floor(x)]), ".")[0]
	n := count(digits)
	mantissa := trim_right(trim_right(concat("", [substring(digits, 0, 1), ".", substring(digits, 1, 2)]), "0"), ".")
	s := sprintf("%se+%d", [mantissa, n - 1])
}

# ---------------------------------------------------------------------------------------------
# CycloneDX

# The machine-learning-model components (also nested ones), with their JSON paths.
ml_components contains [p, c] if {
	some [p, c] in cdx_components
	c.type == "machine-learning-model"
}

# Every component of the BOM with its path: metadata.component, components[] and two levels
# of nested components[].
cdx_components contains [["metadata", "component"], c] if {
	cdx
	c := input.metadata.component
	is_object(c)
}

cdx_components contains [["components", i], c] if {
	cdx
	is_array(input.components)
	some i, c in input.components
	is_object(c)
}

cdx_components contains [["components", i, "components", j], c] if {
	cdx
	is_array(input.components)
	some i, p in input.components
	is_object(p)
	is_array(p.components)
	some j, c in p.components
	is_object(c)
}

cdx_components contains [["components", i, "components", j, "components", k], c] if {
	cdx
	is_array(input.components)
	some i, p in input.components
	is_object(p)
	is_array(p.components)
	some j, q in p.components
	is_object(q)
	is_array(q.components)
	some k, c in q.components
	is_object(c)
}

# bom-refs defined in the BOM (components and their `data[]` entries).
cdx_refs contains r if {
	some [_, c] in cdx_components
	r := c["bom-ref"]
	is_string(r)
}

cdx_refs contains r if {
	some [_, c] in cdx_components
	is_array(c.data)
	some d in c.data
	is_object(d)
	r := d["bom-ref"]
	is_string(r)
}

# A value of the component's modelCard, or null.
mc(c, path) := object.get(c.modelCard, path, null) if is_object(c.modelCard)

mc(c, path) := null if not is_object(c.modelCard)

# ---------------------------------------------------------------------------------------------
# License ids and names the card declares (MC001)

licenses contains l if {
	not cdx
	is_string(input.license)
	l := input.license
}

licenses contains l if {
	not cdx
	is_array(input.license)
	some l in input.license
	is_string(l)
}

licenses contains l if {
	some [_, c] in ml_components
	is_array(c.licenses)
	some entry in c.licenses
	is_object(entry)
	l := object.get(entry, ["license", "id"], object.get(entry, ["license", "name"], object.get(entry, "expression", null)))
	is_string(l)
}

# ---------------------------------------------------------------------------------------------
# Front-matter facts (cheap)

default base_models := []

base_models := bs if {
	not cdx
	bs := [b | some b in as_list(input.base_model); is_string(b); filled(b)]
}

relations := {"finetune", "adapter", "quantized", "merge"}

relation_tags := {
	"adapter": {"lora", "qlora", "peft", "adapter", "adapters"},
	"quantized": {"gguf", "gptq", "awq", "exl2", "quantized", "4-bit", "8-bit", "bnb-4bit", "int4", "int8"},
	"merge": {"merge", "mergekit", "merged"},
	"finetune": {"finetune", "fine-tuned", "finetuned", "fine-tune", "generated_from_trainer"},
}

default tags := set()

tags := ts if {
	not cdx
	is_array(input.tags)
	ts := {lower(t) | some t in input.tags; is_string(t)}
}

# Relations the front matter implies: tags, `library_name: peft`, `quantized_by`.
front_matter_relation contains "adapter" if {
	not cdx
	is_string(input.library_name)
	lower(input.library_name) == "peft"
}

front_matter_relation contains r if {
	some t in tags
	some r, words in relation_tags
	t in words
}

front_matter_relation contains "quantized" if {
	not cdx
	filled(object.get(input, "quantized_by", null))
}

default hf_datasets := []

hf_datasets := ds if {
	not cdx
	ds := [d | some d in as_list(object.get(input, "datasets", null)); is_string(d); filled(d)]
}

# Hugging Face pipeline tasks: each names the input and output modalities.
hf_tasks := {
	"text-generation", "text2text-generation", "text-classification", "token-classification",
	"table-question-answering", "question-answering", "zero-shot-classification", "translation",
	"summarization", "feature-extraction", "fill-mask", "sentence-similarity", "text-to-speech",
	"text-to-audio", "automatic-speech-recognition", "audio-to-audio", "audio-classification",
	"voice-activity-detection", "depth-estimation", "image-classification", "object-detection",
	"image-segmentation", "text-to-image", "image-to-text", "image-to-image", "image-to-video",
	"unconditional-image-generation", "video-classification", "reinforcement-learning", "robotics",
	"tabular-classification", "tabular-regression", "tabular-to-text", "table-to-text",
	"multiple-choice", "text-retrieval", "time-series-forecasting", "text-to-video",
	"image-text-to-text", "visual-question-answering", "document-question-answering",
	"zero-shot-image-classification", "graph-ml", "mask-generation", "zero-shot-object-detection",
	"text-to-3d", "image-to-3d", "image-feature-extraction", "video-text-to-text",
	"keypoint-detection", "any-to-any", "visual-document-retrieval", "audio-text-to-text",
	"text-ranking", "conversational",
}

# Tasks whose model reads or writes token sequences, so that a context window applies.
sequence_tasks := {
	"text-generation", "text2text-generation", "summarization", "translation", "conversational",
	"image-text-to-text", "video-text-to-text", "audio-text-to-text", "any-to-any",
	"visual-question-answering", "document-question-answering", "question-answering",
	"table-question-answering", "image-to-text", "fill-mask", "feature-extraction",
	"sentence-similarity", "text-ranking", "text-retrieval", "text-classification",
	"token-classification", "zero-shot-classification",
}

tasks contains t if {
	not cdx
	is_string(input.pipeline_tag)
	t := lower(input.pipeline_tag)
}

tasks contains t if {
	some t in tags
	t in hf_tasks
}

# A ModelScope card's `tasks` (`text-generation`, `chat`…) name its task, and so its modality.
tasks contains lower(t) if {
	format == "modelscope"
	some t in as_list(object.get(input, "tasks", []))
	is_string(t)
}

# model-index results, with their paths.
model_index_results contains [["model-index", i, "results", j], r] if {
	not cdx
	is_array(input["model-index"])
	some i, entry in input["model-index"]
	is_object(entry)
	is_array(entry.results)
	some j, r in entry.results
}

# A model-index result with a named dataset and a metric value.
named_model_index_result if {
	some [_, r] in model_index_results
	is_object(r)
	filled(object.get(r, ["dataset", "name"], object.get(r, ["dataset", "type"], null)))
	some m in as_list(object.get(r, "metrics", null))
	is_object(m)
	filled(object.get(m, "value", null))
}

named_capability_result if {
	some e in as_list(gov(["evaluation", "capability"]))
	is_object(e)
	filled(object.get(e, "benchmark", null))
	is_number(object.get(e, "value", null))
}

# Dates of the evaluations recorded in the governance block, with their paths.
evaluation_dates contains [["governance", "evaluation", "capability", i, "date"], d] if {
	some i, e in as_list(gov(["evaluation", "capability"]))
	is_object(e)
	d := e.date
	iso_date(d)
}

evaluation_dates contains [array.concat(["governance", "evaluation"], p), d] if {
	some p in [["safety", "date"], ["safety", "generated_content", "date"], ["safety", "generated_content", "manual", "date"], ["safety", "generated_content", "keyword", "date"], ["safety", "generated_content", "classifier", "date"], ["safety", "refusal", "date"], ["red_teaming", "date"]]
	d := gov(array.concat(["evaluation"], p))
	iso_date(d)
}

has_any_evaluation if filled(gov(["evaluation", "capability"]))

has_any_evaluation if filled(gov(["evaluation", "safety"]))

has_any_evaluation if filled(gov(["evaluation", "red_teaming"]))

has_any_evaluation if named_model_index_result

# `co2_eq_emissions`: a number (grams) or an object with `emissions`.
has_co2_field if is_number(input.co2_eq_emissions)

has_co2_field if {
	is_object(input.co2_eq_emissions)
	is_number(input.co2_eq_emissions.emissions)
}

# ---------------------------------------------------------------------------------------------
# Markdown body of a Hugging Face card
#
# `markdown(sections)` returns {sections: [{heading, level, line, text, prose, filled}], prose,
# headings}: `text` without HTML comments and placeholders (code kept), `prose` without code
# blocks, inline code, link targets, bare URLs and HTML tags too, `filled` whether the section
# says anything of its own. The regexes run once over the whole body, joined with a separator.

sep := "\n\nQQGOVLINTSECTIONQQ\n\n"

# The current file's body, preprocessed once per document for every rule that reads it: by
# govlint, which gives it as `data.govlint.file.markdown` (the same fields, computed in Rust), or
# here where the context is given without it (tests, `with data.govlint.file as …`).
# (Read with object.get: OPA leaves `not is_object(data.govlint.file.markdown)` undefined
# under `with data.govlint.file as …` when the field is absent.)
body := given_markdown if is_object(given_markdown)

body := markdown(data.govlint.lib.core.file_sections) if not is_object(given_markdown)

default given_markdown := null

given_markdown := object.get(data.govlint.file, "markdown", null)

markdown(sections) := {"sections": [], "prose": "", "headings": ""} if count(sections) == 0

markdown(sections) := doc if {
	count(sections) > 0
	raw := concat(sep, [object.get(s, "text", "") | some s in sections])
	text := strip_comments(without_placeholders(raw))
	c := prose_of(text)
	texts := split(text, sep)
	proses := split(c, sep)
	doc := assemble(sections, texts, proses, c)
}

assemble(sections, texts, proses, prose) := {
	"sections": [{"heading": s.heading, "level": s.level, "line": s.line, "text": texts[i], "prose": proses[i], "filled": says_something(texts[i]), "end": section_end(sections, i)} | some i, s in sections],
	"prose": prose,
	"headings": concat("\n", [s.heading | some s in sections]),
} if {
	count(texts) == count(sections)
	count(proses) == count(sections)
}

# A code fence or comment left open swallows the separators: fall back to one section at a time.
assemble(sections, texts, proses, _) := {
	"sections": ss,
	"prose": concat("\n\n", [s.prose | some s in ss]),
	"headings": concat("\n", [s.heading | some s in sections]),
} if {
	count({count(texts), count(proses)} | {count(sections)}) > 1
	ss := [object.union(section(s), {"end": section_end(sections, i)}) | some i, s in sections]
}

# Text with something besides white space and Markdown punctuation (no regex: this runs for
# every section).
says_something(t) := trim(t, " \t\r\n#*_-=+>|`~:;.,!?()[]{}<>/\\\"'") != ""

section(s) := {"heading": s.heading, "level": s.level, "line": s.line, "text": t, "prose": p, "filled": says_something(t)} if {
	t := strip_comments(without_placeholders(object.get(s, "text", "")))
	p := prose_of(t)
}

strip_comments(t) := replace_if(t, ["<!--"], `(?s)<!--.*?-->`, " ")

# Text without code blocks, inline code, link targets, bare URLs and HTML tags.
prose_of(t) := replace_if(
	replace_if(
		replace_if(
			replace_if(t, ["```", "~~~"], "(?s)```.*?```|~~~.*?~~~", " "),
			["`"], "`[^`\n]*`", " ",
		),
		["]("], `\]\([^)\s]*\)`, "]",
	),
	["://", "<"], `https?://\S+|<[^>\n]*>`, " ",
)

# `regex.replace`, run only when the text holds one of `needles` (literals every match of
# `pattern` contains): most texts hold none, and a string test is far cheaper than the regex.
replace_if(t, needles, pattern, by) := regex.replace(t, pattern, by) if holds_any(t, needles)

replace_if(t, needles, _, _) := t if not holds_any(t, needles)

holds_any(t, needles) if {
	some n in needles
	contains(t, n)
}

# Section j belongs to section i's tree (i itself, or a deeper heading before the next heading
# at i's level or above).
under(doc, i, j) if {
	i <= j
	j < tree_end(doc, i)
}

# The index after section i's tree: that of the next heading at i's level or above, or the
# number of sections (`end` of each section of the body).
section_end(sections, i) := min(array.concat(
	[k | some k, u in sections; k > i; u.level <= sections[i].level],
	[count(sections)],
))

tree_end(doc, i) := doc.sections[i].end

subtree(doc, i) := numbers.range(i, tree_end(doc, i) - 1)

tree_filled(doc, i) if {
	some j in subtree(doc, i)
	doc.sections[j].filled
}

tree_text(doc, i) := concat("\n", [doc.sections[j].text | some j in subtree(doc, i)])

tree_prose(doc, i) := concat("\n", [doc.sections[j].prose | some j in subtree(doc, i)])

# Indices of the sections whose heading matches `pattern` (case-insensitive): one regex over
# all headings.
matching(doc, pattern) := [i |
	found := {h | some h in regex.find_n(concat("", ["(?im)^.*(?:", pattern, ").*$"]), doc.headings, -1)}
	some i, s in doc.sections
	s.heading in found
]

# A section whose heading matches `pattern` says something (itself or its sub-sections).
section_filled(doc, pattern) if {
	some i in matching(doc, pattern)
	tree_filled(doc, i)
}

# A section whose heading matches `pattern` says something in its own text.
own_filled(doc, pattern) if {
	some i in matching(doc, pattern)
	doc.sections[i].filled
}

# The texts / prose (with sub-sections) of the filled sections whose heading matches `pattern`.
section_texts(doc, pattern) := [tree_text(doc, i) | some i in matching(doc, pattern); tree_filled(doc, i)]

section_prose(doc, pattern) := [tree_prose(doc, i) | some i in matching(doc, pattern); tree_filled(doc, i)]

# Labelled lines of the body, with their value: `**Out-of-scope** Use in…`, `- **Developed by:**
# ACME`, `- Model type: Transformer`, `**局限性：** …`. A label whose value is only a placeholder
# does not count (the placeholder was removed, leaving the label alone on its line).
label_re(p) := sprintf(
	`(?im)(?:\*\*|__)[^*_\n]*(?:%s)[^*\n]*(?:\*\*|__)[ \t]*[:：]?[ \t]*[^\s*][^\n]*|^[ \t]*(?:[-*+][ \t]+)?(?:%s)[^:：\n]*?[:：][ \t]*\S[^\n]*`,
	[p, p],
)

labelled(doc, p) := regex.find_n(label_re(p), doc.prose, -1)

has_label(doc, p) if count(labelled(doc, p)) > 0

# Prose outside the sections about what the model must not be used for or cannot do (where
# "was not fine-tuned with RLHF" and the like are written).
negative_heading := `out[- ]of[- ]scope|misuse|limitation|not intended|局限|不适用`

affirmative_prose(doc) := concat("\n\n", [s.prose |
	negative := {j | some i in matching(doc, negative_heading); some j in subtree(doc, i)}
	some j, s in doc.sections
	not j in negative
])

# ---------------------------------------------------------------------------------------------
# Facts stated in the body (each a function of `doc`)

# Derivation: "a fine-tuned version of [t5-base]", "Finetuned from model: X".
body_relation(doc) := {"finetune"} if finetune_text(doc)

body_relation(doc) := set() if not finetune_text(doc)

finetune_text(doc) if regex.match(`(?i)(?-u:\b)fine-?tuned version of(?-u:\b)|(?-u:\b)is a fine-?tune of(?-u:\b)|微调版本`, doc.prose)

finetune_text(doc) if has_label(doc, `fine-?tuned from`)

implied_relation(doc) := front_matter_relation | body_relation(doc)

# Uses (MC003)
intended_uses_stated(doc) if filled(gov(["intended_uses"]))

intended_uses_stated(doc) if own_filled(doc, `^\s*uses?\s*$`)

intended_uses_stated(doc) if section_filled(doc, `intended|direct use|downstream use|primary use|use cases?|用途|使用场景|适用场景|应用场景|适用范围`)

intended_uses_stated(doc) if has_label(doc, `intended use|use cases?|预期用途|适用场景|用途`)

out_of_scope_stated(doc) if filled(gov(["out_of_scope_uses"]))

out_of_scope_stated(doc) if url_like(gov(["acceptable_use_policy_url"]))

out_of_scope_stated(doc) if section_filled(doc, `out[- ]of[- ]scope|misuse|prohibited|forbidden|not intended|acceptable use|不适用|禁止|不得用于|超出范围|限制使用`)

out_of_scope_stated(doc) if has_label(doc, `out[- ]of[- ]scope|prohibited|misuse|not intended|acceptable use|禁止|不适用|不得用于`)

# Gated repositories show the license and its acceptable use policy in `extra_gated_prompt`.
out_of_scope_stated(doc) if {
	not cdx
	is_string(input.extra_gated_prompt)
	regex.match(`(?i)acceptable use policy|prohibited uses`, input.extra_gated_prompt)
}

# Architecture and size (MC004)
architecture_stated(doc) if filled(gov(["architecture"]))

architecture_stated(doc) if section_filled(doc, `architecture|模型架构|模型结构|网络结构|模型细节`)

architecture_stated(doc) if has_label(doc, `architecture|model type|模型架构|模型结构|模型类型`)

architecture_stated(doc) if regex.match(`(?i)(?-u:\b)(transformer|decoder-only|encoder-decoder|encoder-only|mixture[- ]of[- ]experts|auto-?regressive|diffusion model|state[- ]space model|recurrent neural network|convolutional neural network)(?-u:\b)`, doc.prose)

# "7.61B parameters", "Number of Parameters: 7.61B", "70亿参数", a "Params" table column.
parameter_count_stated(doc) if regex.match(`(?i)(?-u:\b)\d+(\.\d+)?\s?([kmbt]|thousand|million|billion|trillion)(?-u:\b)[- ]?param|(?-u:\b)(param(eter)?s?|number of param(eter|ater)s?)( \([^)\n]*\))?\s*[:：|]\s*\d|\d+(\.\d+)?\s*(亿|万|[BMK])\s*(个)?参数|参数(量|规模|数量)|\|[^\n]*(?-u:\b)params(?-u:\b)[^\n]*\|`, doc.prose)

# A model size the way LLM names and cards write it ("7B", "Llama-3.2-1B", "the new 7B
# model"); "2.1B tokens" is a data size, not a model size.
parameter_count_stated(doc) if {
	some m in regex.find_n(`(?-u:\b)\d+(\.\d+)?\s?B(?-u:\b)(\s+[A-Za-z]+)?`, doc.prose, -1)
	not size_of_data(m)
}

size_of_data(m) if {
	some w in ["token", "word", "example", "sample", "byte", "character", "pair", "image"]
	contains(lower(m), concat("", [" ", w]))
}

# Modalities, formats, context window (MC005)
modalities_stated(doc) if {
	filled(gov(["modalities", "input"]))
	filled(gov(["modalities", "output"]))
}

modalities_stated(doc) if {
	not is_object(gov(["modalities"]))
	count(tasks) > 0
}

modalities_stated(doc) if {
	not is_object(gov(["modalities"]))
	io_labelled(doc)
}

modalities_stated(doc) if {
	not is_object(gov(["modalities"]))
	section_filled(doc, `modalit|模态`)
}

# "a Transformer-based language model", "大语言模型", "chat model": text in, text out.
modalities_stated(doc) if {
	not is_object(gov(["modalities"]))
	regex.match(`(?i)(?-u:\b)language models?(?-u:\b)|(?-u:\b)LLMs?(?-u:\b)|(?-u:\b)(chat|dialogue|conversational) models?(?-u:\b)|语言模型|对话(预训练)?模型`, doc.prose)
}

io_labelled(doc) if {
	has_label(doc, `(?-u:\b)input(?-u:\b)|输入`)
	has_label(doc, `(?-u:\b)output(?-u:\b)|输出`)
}

formats_stated(doc) if {
	filled(gov(["formats", "input"]))
	filled(gov(["formats", "output"]))
}

formats_stated(doc) if {
	not is_object(gov(["formats"]))
	io_labelled(doc)
}

formats_stated(doc) if {
	not is_object(gov(["formats"]))
	section_filled(doc, `prompt format|chat (template|format)|input format|output format|输入格式|输出格式|对话格式|对话模板|提示词格式`)
}

formats_stated(doc) if {
	not is_object(gov(["formats"]))
	has_label(doc, `input format|output format|prompt format|chat template|输入格式|输出格式`)
}

# A link to the prompt format: "采用了全新设计的 [Prompt 格式](…)".
formats_stated(doc) if {
	not is_object(gov(["formats"]))
	regex.match(`(?i)\[[^\]\n]*(prompt[ -]?(format|格式)|chat template|对话模板|对话格式)[^\]\n]*\]`, doc.prose)
}

# A text-generation model whose usage code builds chat messages: chat messages in, text out.
formats_stated(doc) if {
	not is_object(gov(["formats"]))
	some t in tasks
	t in {"text-generation", "text2text-generation", "conversational", "image-text-to-text"}
	regex.match(`apply_chat_template|["']role["']\s*:\s*["'](system|user)["']`, concat("\n", [s.text | some s in doc.sections]))
}

# The model reads token sequences: a text task, text modality, or nothing says otherwise.
context_applies if {
	count(tasks) == 0
	not non_text_modalities
}

context_applies if {
	some t in tasks
	t in sequence_tasks
}

context_applies if gov(["context_window"]) != null

non_text_modalities if {
	ms := [lower(m) | some m in as_list(gov(["modalities", "input"])); is_string(m)]
	count(ms) > 0
	not "text" in ms
}

# "Context Length: 131,072 tokens", "sequence length | 8192", "支持 128K 上下文", "1M Context window".
context_window_stated(doc) if regex.match(`(?i)context[\s-]*(length|window|size)|上下文(长度|窗口)|sequence length|max(imum)?[_ ](position[_ ]embeddings|seq(uence)?[_ ]len(gth)?)|long[- ]context support|\d\s?[km](?-u:\b)\s*(tokens?\s*)?(context|上下文)|\d\s?[km]\s*上下文`, concat("\n", [s.text | some s in doc.sections]))

# Training data (MC006)
training_heading := `training data|training dataset|training corpus|pre-?training data|fine-?tuning data|training and evaluation data|训练数据|预训练数据|训练语料|数据来源`

training_section_prose(doc) := section_prose(doc, training_heading)

# Without such a section: lines outside out-of-scope/limitations sections that say what the
# model was trained on ("retrained … consisting of a cleaned version of the OpenHermes 2.5
# Dataset", "在超大规模的预训练数据上进行训练"). "Evaluated on datasets", "a pre-trained model"
# and "during the training process" are not about training data.
training_paragraphs(doc) := regex.find_n(`(?im)^.*(?:(?-u:\b)training (?:data|datasets?|corpus|corpora)(?-u:\b)|(?-u:\b)(?:pre-?train(?:ed|ing)?|trained|re-?trained|fine-?tuned)(?-u:\b).*(?-u:\b)(?:data|datasets?|corpus|corpora)(?-u:\b)|(?-u:\b)(?:data|datasets?|corpus)(?-u:\b).*(?-u:\b)used (?:for|to|in) (?:train|pre-?train|fine-?tun)|训练数据|训练语料|预训练数据|数据上.*训练|训练.*(?:数据|语料)).*$`, affirmative_prose(doc), -1)

training_size_re := `(?i)\d[\d,.]*[*_]*\s*(k|m|b|t|thousand|million|billion|trillion|万|亿)?\+?[*_]*\s*(tokens?|examples?|samples?|documents?|conversations?|dialogues?|pairs?|images?|hours|words|sentences|records|rows|[kmgtp]i?b(?-u:\b)|词元|条|样本|小时)`

training_curation_re := `(?i)dedup|de-dup|filter|clean|curat|quality|preprocess|pre-process|decontaminat|remov|redact|去重|过滤|清洗|筛选|质量|脱敏`

# Evaluation (MC008): an "Evaluation"/"Benchmarks"/"评测" section with a result — a table row
# with a number, an HTML cell with a number, a plot, or `name: 71.2` / `71.2%`.
evaluation_reported(doc) if {
	some t in section_texts(doc, `evaluat|benchmark|performance|results|评测|评估|测评|性能|效果`)
	regex.match(`(?m)^\s*\|.*\d.*\|\s*$|<td[^>]*>\s*(<[^>]+>\s*)*[\d.]+%?\s*<|<img\s|!\[[^\]]*\]\(|(?-u:\b)[A-Za-z][\w-]*\s*[:：]\s*\d+(\.\d+)?%?|(?-u:\b)\d+(\.\d+)?%`, t)
}

# Compute and energy (MC012). An amount may be emphasised in part (`**39.3**M GPU hours`).
compute_stated(doc) if regex.match(`(?i)\d[\d,.]*[*_]*\s*(k|m|b|thousand|million|billion)?[*_]*\s*(gpu|tpu|npu|accelerator)[- ]?(hours|hrs|days)(?-u:\b)|\d[\d,.]*\s*((e\+?|×\s*10\^?|x\s*10\^?)\d+)?[*_]*\s*(peta|exa|zetta)?flops?(?-u:\b)|(?-u:\b)flops?\s*[:：=]?\s*[~≈]?\s*\d|floating[- ]point operations|petaflop|\d[\d,.]*\s*(万|亿)?\s*(gpu|卡)\s*(小)?时`, doc.prose)

emissions_stated(doc) if regex.match(`(?i)\d[\d,.]*[*_]*\s*(t|kg|g|tons?|tonnes?|metric tons?)?\s*(of\s+)?(co2|co₂)(e|eq|-eq)?(?-u:\b)|\d[\d,.]*[*_]*\s*[kmgt]wh(?-u:\b)|(carbon emitted|co2 emitted|emissions?|碳排放)[^\n]{0,40}\d|\d[\d,.]*\s*(千瓦时|度电)`, doc.prose)

# Limitations, bias and risks (MC013)
limitation_texts(doc) := array.concat(section_prose(doc, `limitation|局限|限制|不足|caveat`), labelled(doc, `limitation|局限|限制`))

limitations_stated(doc) if filled(gov(["limitations"]))

limitations_stated(doc) if count(limitation_texts(doc)) > 0

bias_heading := `bias|risk|ethic|harm|fairness|safety|responsib|偏见|偏差|风险|伦理|安全|公平`

bias_risks_stated(doc) if filled(gov(["bias_risks"]))

bias_risks_stated(doc) if section_filled(doc, bias_heading)

bias_risks_stated(doc) if has_label(doc, bias_heading)

# A limitations statement that discusses biases, harms or risks covers them too.
bias_risks_stated(doc) if regex.match(`(?i)bias|discriminat|harm|risk|unsafe|toxic|offensive|stereotyp|fairness|偏见|歧视|有害|风险|不安全|刻板`, concat("\n", limitation_texts(doc)))

# Alignment (MC017)
alignment_re := `(?i)(?-u:\b)(rlhf|rlaif|dpo|ppo|orpo|kto|simpo|grpo)(?-u:\b)|reinforcement learning (from|with) (human|ai) feedback|direct preference optimi[sz]ation|human preferences?|preference (optimi[sz]ation|alignment|tuning|data|pairs)|constitutional ai|value alignment|(aligned|align) (with|to) human|human-aligned|人类反馈|偏好对齐|人类偏好|价值观对齐|对齐`

alignment_tags := {"rlhf", "rlaif", "dpo", "ppo", "orpo", "kto", "simpo", "grpo", "alignment", "aligned"}

# Owner and contact (MC018)
owner_stated(doc) if {
	o := gov(["owner"])
	is_object(o)
	some f in ["name", "email", "team", "url"]
	filled(object.get(o, f, null))
}

owner_stated(doc) if {
	not is_object(gov(["owner"]))
	section_filled(doc, `contact|maintainer|model card authors|联系|维护`)
}

owner_stated(doc) if {
	not is_object(gov(["owner"]))
	has_label(doc, `developed by|model developers?|contact|maintainer|owner|开发者|研发|维护|联系`)
}

owner_stated(doc) if {
	not is_object(gov(["owner"]))
	regex.match(`(?i)(?-u:\b)contact us(?-u:\b)|(?-u:\b)reporting issues(?-u:\b)|(?-u:\b)report (an )?issues?(?-u:\b)|(?-u:\b)questions or comments(?-u:\b)|联系我们|问题反馈`, doc.prose)
}

# The developer named in prose: "developed by Meta", "a collaboration between Nous Research and
# …", "阿里云研发的", "智谱 AI 推出的", "联合发布的".
owner_stated(doc) if {
	not is_object(gov(["owner"]))
	regex.match(`(?i)(?-u:\b)(developed|released|proposed|created|built|published|maintained) by(?-u:\b)|(?-u:\b)collaboration between(?-u:\b)|研发的|推出的|发布的|开发的|维护的`, doc.prose)
}

# Who produced a quantization (`quantized_by: bartowski`).
owner_stated(doc) if {
	not is_object(gov(["owner"]))
	not cdx
	filled(object.get(input, "quantized_by", null))
}
