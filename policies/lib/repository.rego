# Cross-artifact helpers for the repository rules (`govlint.repository.*`). They read one summary
# per artifact document (`artifacts`, see `summarize`), made file by file: govlint gives them
# (`input.summaries`), or they are made here from `input.artifacts`, [{path, kind, format, index,
# document}] for every artifact of the run. `data.govlint.file` is not per artifact there, so
# every format difference is handled by a function of (document, format) or of an artifact entry.
#
# - model cards: the names a card answers to, cards grouped into one model (a native manifest
#   and the HF card or CycloneDX BOM it `describes`, or cards sharing an id), and the facts of a
#   model across its cards (licenses, evaluation records, compute);
# - deployments: the models a workload serves, read from KServe `storageUri`,
#   `LLMInferenceService` `spec.model`, server arguments (`--model`, `--model-id`, `vllm serve
#   <model>`, `--served-model-name`, `--revision`), environment (`MODEL_ID`, resolved through
#   ConfigMaps of the same file), production-stack Helm values (`modelURL`, `modelRevision`) and
#   docker-compose services — and the model a native `DeploymentManifest` names.
package govlint.lib.repository

import data.govlint.lib.core
import data.govlint.lib.dataset
import rego.v1

# The artifacts as the helpers read them: the summaries of the documents (see `summarize`).
# govlint gives them as `input.summaries`, one list for each file, computed in the file's own
# evaluation (`file_summaries`), so that a run never holds every document at once. Given
# documents instead (`input.artifacts`, as the tests and a user's repository rules see them),
# the helpers summarize them here, file by file.
# (`object.get`: OPA takes `not is_array(input.summaries)` to be false, not true, when there is no
# `input.summaries`.)
artifacts := [s | some list in input.summaries; is_array(list); some s in list; is_object(s)] if is_array(object.get(input, "summaries", null))

artifacts := [s | some path, entries in entries_by_file; some s in file_summary(entries)] if not is_array(object.get(input, "summaries", null))

entries_by_file[a.path] contains a if {
	some a in object.get(input, "artifacts", [])
	is_object(a)
	is_object(a.document)
}

# The summaries of the documents of one file, given as `input.artifacts`.
file_summaries := file_summary([a | some a in object.get(input, "artifacts", []); is_object(a); is_object(a.document)])

# The summaries of one file's artifact entries (`{path, kind, format, index, document}`): every
# fact of a document that the repository rules read, with the ConfigMaps of the file resolved
# into its workloads' environment. A document with no such fact (a Service, a ConfigMap) has no
# summary.
file_summary(entries) := [s |
	cms := {c.name: c.data | some a in entries; c := configmap(a.document)}
	some a in entries
	s := summarize(a, cms)
]

summarize(a, cms) := object.union(head(a), card_facts(a)) if a.kind == "model-card"

summarize(a, cms) := object.union(head(a), dataset_facts(a)) if a.kind == "dataset-manifest"

summarize(a, _) := object.union(head(a), {"document": {"governance": object.filter(gov(a.document), ["model", "targets", "service", "content_safety"])}}) if {
	a.kind == "deployment-config"
	a.format == "native"
}

summarize(a, cms) := object.union(head(a), {"units": units}) if {
	a.kind == "deployment-config"
	a.format != "native"
	units := [u | some u in artifact_units(a, cms); useful(u)]
	count(units) > 0
}

head(a) := {"path": a.path, "kind": a.kind, "format": a.format, "index": object.get(a, "index", 0)}

# A unit that names no model counts only if it always serves one (and so is reported).
useful(u) if u.serving

useful(u) if count(u.sources) + count(u.names) > 0

# A card's facts, without the empty ones (each reader gives its own default).
card_facts(a) := {k: v | some k, v in all_card_facts(a); not empty(v)}

empty(v) if v in {[], false, null}

all_card_facts(a) := {
	"ids": sort(explicit_ids(a.document, a.format)),
	"names": sort(card_names(a)),
	"describes": [p | some p in as_list(object.get(a.document, ["metadata", "describes"], [])); is_string(p)],
	"licenses": sort(card_licenses(a)),
	"commercial_use": [v | v := object.get(gov(a.document), "commercial_use_allowed", null); is_boolean(v)],
	"generated_content": generated_content_result(a.document),
	"refusal": sort([set | some set, r in core.object_at(safety_of(a.document), "refusal"); is_string(set); result_recorded(r, "refusal_rate")]),
	"evaluated": evaluated(a),
	"red_teaming": red_teaming(a.document),
	"pi_mitigation": pi_mitigation(a.document),
	"dataset_refs": document_dataset_refs(a),
	"compute_flop": number_or_null(object.get(gov(a.document), "training_compute_flop", null)),
	"systemic_risk": systemic_risk(a.document),
	"no_systemic_risk": object.get(gov(a.document), "systemic_risk", null) == false,
}

dataset_facts(a) := {
	"dataset_ids": sort(dataset.ids(a)),
	"personal_information": personal_information(a.document),
	"no_personal_information": object.get(a.document, ["governance", "personal_information", "present"], null) == false,
	"keyword_library": is_object(object.get(gov(a.document), "keyword_library", null)),
	"test_banks": is_object(object.get(gov(a.document), "test_banks", null)),
}

personal_information(doc) := true if dataset.declares_personal_information(doc)

default personal_information(_) := false

number_or_null(x) := x if is_number(x)

number_or_null(x) := null if not is_number(x)

systemic_risk(doc) := true if gov(doc).systemic_risk == true

default systemic_risk(_) := false

pi_mitigation(doc) := true if core.present(object.get(gov(doc), "personal_information_mitigation", null))

default pi_mitigation(_) := false

red_teaming(doc) := true if object.get(gov(doc), ["evaluation", "red_teaming", "performed"], false) == true

default red_teaming(_) := false

# A ConfigMap's name and string data, for the workloads of its file.
configmap(doc) := {"name": doc.metadata.name, "data": {k: v | some k, v in values; is_string(v)}} if {
	doc.kind == "ConfigMap"
	values := object.get(doc, "data", {})
	is_object(values)
}

cards := [a | some a in artifacts; a.kind == "model-card"]

manifests := [a | some a in artifacts; a.kind == "deployment-config"; a.format == "native"]

key(a) := sprintf("%s#%d", [a.path, object.get(a, "index", 0)])

as_list(v) := v if {
	is_array(v)
} else := [v]

gov(doc) := g if {
	g := doc.governance
	is_object(g)
}

default gov(_) := {}

last_segment(s) := parts[count(parts) - 1] if parts := split(trim_right(s, "/"), "/")

# A repository-relative path (`models/x/card.yaml`, `./models/x/card.yaml`) names the artifact
# file `path`, which may be relative to another directory (`fixtures/repo/models/x/card.yaml`).
path_names(path, ref) if {
	is_string(ref)
	r := trim_prefix(ref, "./")
	r != ""
	path == r
}

path_names(path, ref) if {
	is_string(ref)
	r := trim_prefix(ref, "./")
	r != ""
	endswith(path, concat("", ["/", r]))
}

dir_name(path) := parts[count(parts) - 2] if {
	parts := split(path, "/")
	count(parts) > 1
}

default dir_name(_) := ""

# ---------------------------------------------------------------------------------------------
# Model cards

# CycloneDX machine-learning-model components of a BOM.
cdx_models(doc, format) := [c |
	format == "cyclonedx"
	some c in array.concat(as_list(object.get(doc, "components", [])), [object.get(doc, ["metadata", "component"], {})])
	is_object(c)
	c.type == "machine-learning-model"
]

component_ids(c) := [id |
	some id in [
		object.get(c, "name", ""),
		group_name(c),
		purl_id(object.get(c, "purl", "")),
	]
	is_string(id)
	not startswith(id, "/")
]

group_name(c) := concat("/", [g, n]) if {
	g := object.get(c, "group", "")
	n := object.get(c, "name", "")
	is_string(g)
	is_string(n)
}

# `pkg:huggingface/org/name@rev` → `org/name`.
purl_id(p) := m[0][1] if {
	is_string(p)
	m := regex.find_all_string_submatch_n(`^pkg:huggingface/([^@?#]+)`, p, 1)
	count(m) == 1
}

default purl_id(_) := ""

# Ids a card declares itself: a native manifest's `metadata.name`, `governance.model_id`,
# `model-index[].name`, the Hub repository its `license_link` points into, CycloneDX component
# name, group/name and Hugging Face purl.
explicit_ids(doc, format) := {lower(id) |
	some id in array.concat(
		array.concat(
			[object.get(doc, ["metadata", "name"], ""), object.get(gov(doc), "model_id", ""), hub_self_id(doc)],
			[e.name | some e in as_list(object.get(doc, "model-index", [])); is_object(e); e.name],
		),
		[x | some c in cdx_models(doc, format); some x in component_ids(c)],
	)
	is_string(id)
	trim_space(id) != ""
}

# A Hub card's own repository: `license_link: https://huggingface.co/<org>/<name>/blob/main/LICENSE`
# names the repository the card lives in — unless that repository is the card's `base_model`
# (a derived model linking to its base's license).
hub_self_id(doc) := id if {
	link := doc.license_link
	is_string(link)
	m := regex.find_all_string_submatch_n(`^https?://huggingface\.co/([^/]+/[^/]+)/(blob|resolve|raw)/`, link, 1)
	count(m) == 1
	id := m[0][1]
	not lower(id) in {lower(b) | some b in as_list(object.get(doc, "base_model", [])); is_string(b)}
}

default hub_self_id(_) := ""

# Names a reference may use for a card: its ids, the model pages a card without ids links under
# its title, their last segments, and its directory.
card_names(a) := {n |
	some id in (explicit_ids(a.document, a.format) | title_ids(a)) | {lower(dir_name(a.path))}
	id != ""
	some n in {id, last_segment(id)}
}

# The model pages (Hugging Face `org/name`, ModelScope `models/org/name`) that the title section of
# a Markdown card without ids or a base model links: the README of a model repository names its
# model there (`title_text` is given to the summaries; see `file_summary` in src/lib.rs).
title_ids(a) := {lower(id) |
	count(explicit_ids(a.document, a.format)) == 0
	count(as_list(object.get(a.document, "base_model", []))) == 0
	text := object.get(a, "title_text", "")
	is_string(text)
	some m in regex.find_all_string_submatch_n(`https?://(?:huggingface\.co|(?:www\.)?modelscope\.cn/models)/([A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*)`, text, -1)
	id := m[1]
	not split(id, "/")[0] in {"datasets", "spaces", "docs", "papers", "blog", "models", "collections", "organizations"}
}

# A native manifest that `describes` another card file.
describes(a, b) if {
	some p in as_list(object.get(a.document, ["metadata", "describes"], []))
	path_names(b.path, p)
}

related(a, b) if describes(a, b)

related(a, b) if describes(b, a)

related(a, b) if count(explicit_ids(a.document, a.format) & explicit_ids(b.document, b.format)) > 0

# Normalized reference: no `hf://` scheme or Hub URL prefix, no revision suffix, lower case.
hub_id(ref) := lower(trim(parts[0], "/")) if {
	r := regex.replace(ref, `^(hf://|https?://huggingface\.co/)`, "")
	parts := regex.split(`[@]|:`, r)
}

# Candidate names of a reference.
ref_candidates(ref) := {c |
	some c in {lower(ref), hub_id(ref), last_segment(hub_id(ref))}
	c != ""
}

# Indexes over the cards, built once per evaluation so that the per-reference and per-manifest
# helpers below look names up instead of scanning (and re-deriving the names of) every card.
card_by_key := {key(c): c | some c in cards}

ids_by_key := {key(c): object.get(c, "ids", []) | some c in cards}

names_by_key := {key(c): object.get(c, "names", []) | some c in cards}

# Keys of the cards under each name some card answers to (see `card_names`).
keys_by_name[n] contains k if {
	some k, names in names_by_key
	some n in names
}

# Keys of the cards with each id some card declares (see `explicit_ids`).
keys_by_id[id] contains k if {
	some k, ids in ids_by_key
	some id in ids
}

# The last two segments of a path (the path itself if it has fewer). A reference that names a
# file (`path_names(file, ref)`, `ref` without `./`) ends in the file's own last one or two
# segments, so its `tail_key` is one of the file's `short_tails`. The indexes of files below are
# keyed by these, and what a lookup finds is confirmed with `path_names`. (Keyed by every tail of
# the path, they held an entry for each of its segments, most never looked up.)
tail_key(path) := last_parts(split(path, "/"), 2)

short_tails(path) := {last_parts(parts, 1), last_parts(parts, 2)} if parts := split(path, "/")

# The last `n` of a path's segments `parts`, joined (all of them if there are fewer).
last_parts(parts, n) := concat("/", array.slice(parts, max([0, count(parts) - n]), count(parts)))

# Keys of the card files by their `short_tails`.
card_keys_by_tail[t] contains key(c) if {
	some c in cards
	some t in short_tails(c.path)
}

# Keys of the cards whose file a repository-relative path names (as `path_names(c.path, ref)`).
path_keys(ref) := {k |
	is_string(ref)
	r := trim_prefix(ref, "./")
	r != ""
	some k in card_keys_by_tail[tail_key(r)]
	path_names(card_by_key[k].path, r)
}

# Keys of the cards a reference (model name, Hub id, or card path) names.
cards_named(ref) := {k |
	is_string(ref)
	some cand in ref_candidates(ref)
	some k in keys_by_name[cand]
} | {k |
	is_string(ref)
	contains(ref, "/")
	some k in path_keys(ref)
}

# key → keys of the cards it `describes`, and the reverse.
describes_out := {key(a): {k | some p in ps; some k in path_keys(p)} |
	some a in cards
	ps := object.get(a, "describes", [])
	count(ps) > 0
}

describes_pairs := {[ka, kb] | some ka, outs in describes_out; some kb in outs}

# (A multi-value rule without values is undefined, not empty: it is only looked up, never read
# whole.)
describes_in[kb] contains ka if some [ka, kb] in describes_pairs

# Keys of every card related to the card with key `k` (see `related`).
related_keys(k) := ({x | some id in ids_by_key[k]; some x in keys_by_id[id]} | object.get(describes_out, k, set())) | {x | some x in describes_in[k]}

# The cards of the models whose keys are given, with every card related to them.
group(keys) := keys | {b | some k in keys; ids_by_key[k]; some b in related_keys(k)}

group_cards(keys) := [card_by_key[k] | some k in sort(group(keys)); card_by_key[k]]

# --- Facts of a model across its cards.

card_licenses(c) := {l |
	c.format != "cyclonedx"
	some l in as_list(object.get(c.document, "license", []))
	is_string(l)
} | {l |
	c.format != "cyclonedx"
	l := object.get(c.document, "license_name", null)
	is_string(l)
} | {l |
	some comp in cdx_models(c.document, c.format)
	some entry in as_list(object.get(comp, "licenses", []))
	is_object(entry)
	l := object.get(entry, ["license", "id"], object.get(entry, ["license", "name"], object.get(entry, "expression", null)))
	is_string(l)
}

licenses(keys) := {lower(l) | some c in group_cards(keys); some l in object.get(c, "licenses", [])}

commercial_use(keys) := {v | some c in group_cards(keys); some v in object.get(c, "commercial_use", [])}

# A result {sample_size, <rate>} with both numbers.
result_recorded(r, rate) if {
	is_object(r)
	is_number(r.sample_size)
	is_number(r[rate])
}

safety_of(doc) := s if {
	s := object.get(gov(doc), ["evaluation", "safety"], null)
	is_object(s)
}

default safety_of(_) := {}

generated_content_result(doc) := true if result_recorded(object.get(safety_of(doc), "generated_content", null), "acceptable_rate")

# The three sampled tests of TC260-003 §9.3 (MC009 judges each).
generated_content_result(doc) := true if {
	some m in ["manual", "keyword", "classifier"]
	result_recorded(object.get(safety_of(doc), ["generated_content", m], null), "acceptable_rate")
}

default generated_content_result(_) := false

generated_content_recorded(keys) if {
	some c in group_cards(keys)
	c.generated_content == true
}

refusal_recorded(keys, set) if {
	some c in group_cards(keys)
	set in c.refusal
}

# Any evaluation record of a card: governance capability or safety results, HF model-index
# results, CycloneDX performance metrics.
evaluated(a) := true if core.present(object.get(gov(a.document), ["evaluation", "capability"], null))

evaluated(a) := true if is_object(object.get(gov(a.document), ["evaluation", "safety"], null))

evaluated(a) := true if {
	some e in as_list(object.get(a.document, "model-index", []))
	is_object(e)
	count(as_list(object.get(e, "results", []))) > 0
}

evaluated(a) := true if {
	some comp in cdx_models(a.document, a.format)
	core.present(object.get(comp, ["modelCard", "quantitativeAnalysis", "performanceMetrics"], null))
}

default evaluated(_) := false

evaluation_recorded(keys) if {
	some c in group_cards(keys)
	c.evaluated == true
}

red_teaming_recorded(keys) if {
	some c in group_cards(keys)
	c.red_teaming == true
}

pi_mitigation_recorded(keys) if {
	some c in group_cards(keys)
	c.pi_mitigation == true
}

# Dataset references of a card: HF `datasets` and `governance.training_data.datasets[].name`,
# as [ref, path].
dataset_refs(c) := object.get(c, "dataset_refs", [])

document_dataset_refs(a) := array.concat(
	[[r, ["datasets", i]] | a.format != "cyclonedx"; some i, r in as_list(object.get(a.document, "datasets", [])); is_string(r)],
	[[d.name, ["governance", "training_data", "datasets", i, "name"]] | some i, d in as_list(object.get(gov(a.document), ["training_data", "datasets"], [])); is_object(d); is_string(d.name)],
)

# The dataset manifests, and every name they answer to, exactly and in lower case.
datasets := [a | some a in artifacts; a.kind == "dataset-manifest"]

dataset_names(list) := {k | some m in list; some id in object.get(m, "dataset_ids", []); some k in {id, lower(id)}}

# ---------------------------------------------------------------------------------------------
# Deployments: what a workload serves

pod_spec_paths := {
	"Pod": ["spec"],
	"Deployment": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
	"InferenceService": ["spec", "predictor"],
	"LLMInferenceService": ["spec", "template"],
}

# Kinds that always serve a model.
serving_kinds := {"InferenceService", "LLMInferenceService"}

source_flags := {"--model", "--model-path", "--model_path", "--model-id", "--model_id", "--model-name-or-path", "--model_name_or_path", "--model-dir", "--model_dir"}

name_flags := {"--served-model-name", "--served_model_name", "--model-name", "--model_name"}

revision_flags := {"--revision", "--model-revision", "--model_revision"}

source_env := {"MODEL_ID", "HF_MODEL_ID", "MODEL_NAME_OR_PATH", "MODEL_PATH", "MODEL_URI", "STORAGE_URI"}

name_env := {"MODEL_NAME", "SERVED_MODEL_NAME"}

revision_env := {"REVISION", "MODEL_REVISION", "HF_REVISION"}

# --- Command lines, as [token, path].

field_tokens(c, base, field) := [[t, array.concat(base, [field, i])] | some i, t in c[field]; is_string(t)] if is_array(object.get(c, field, null))

field_tokens(c, base, field) := [[t, array.concat(base, [field])] | some t in regex.split(`\s+`, trim_space(c[field])); t != ""] if is_string(object.get(c, field, null))

field_tokens(c, base, field) := [] if {
	v := object.get(c, field, null)
	not is_array(v)
	not is_string(v)
}

tokens(c, base) := array.concat(array.concat(field_tokens(c, base, "command"), field_tokens(c, base, "args")), field_tokens(c, base, "entrypoint"))

# Values of `flags` in a command line (`--flag value` and `--flag=value`), as [value, path].
flag_values(toks, flags) := array.concat(
	[toks[j + 1] | some j, tok in toks; flags[tok[0]]; j + 1 < count(toks)],
	[[substring(tok[0], count(f) + 1, -1), tok[1]] |
		some tok in toks
		contains(tok[0], "=")
		f := split(tok[0], "=")[0]
		flags[f]
	],
)

# `vllm serve <model>`.
serve_values(toks) := [toks[j + 1] |
	some j, tok in toks
	tok[0] == "serve"
	j + 1 < count(toks)
	not startswith(toks[j + 1][0], "-")
]

# --- Environment, as [name, value, path]. `cms` holds the ConfigMaps of the file by name (see
# `file_summary`).

k8s_env(c, base, cms) := array.concat(
	array.concat(
		[[e.name, e.value, array.concat(base, ["env", i])] | some i, e in as_list(object.get(c, "env", [])); is_object(e); is_string(e.name); is_string(e.value)],
		[[e.name, v, array.concat(base, ["env", i])] |
			some i, e in as_list(object.get(c, "env", []))
			is_object(e)
			ref := e.valueFrom.configMapKeyRef
			v := cms[ref.name][ref.key]
			is_string(v)
		],
	),
	[[n, v, array.concat(base, ["envFrom", i])] |
		some i, e in as_list(object.get(c, "envFrom", []))
		is_object(e)
		some n, v in cms[e.configMapRef.name]
		is_string(v)
	],
)

compose_env(s, base) := [[n, v, array.concat(base, ["environment", n])] | some n, v in s.environment; is_string(v)] if is_object(object.get(s, "environment", null))

compose_env(s, base) := [[parts[0], concat("=", array.slice(parts, 1, count(parts))), array.concat(base, ["environment", i])] |
	some i, e in s.environment
	is_string(e)
	parts := split(e, "=")
	count(parts) > 1
] if is_array(object.get(s, "environment", null))

compose_env(s, _) := [] if {
	v := object.get(s, "environment", null)
	not is_object(v)
	not is_array(v)
}

env_map(env) := {n: v | some i, [n, v, _] in env; not defined_before(env, i, n)}

defined_before(env, i, n) if {
	some j, e in env
	j < i
	e[0] == n
}

var_name(t) := concat("", array.slice(m[0], 1, 4)) if {
	m := regex.find_all_string_submatch_n(`^\$\(([A-Za-z_][A-Za-z0-9_]*)\)$|^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$|^\$([A-Za-z_][A-Za-z0-9_]*)$`, t, 1)
	count(m) == 1
}

# A token with `$(VAR)` / `${VAR}` replaced from the environment when it is exactly a reference.
resolve(t, envs) := envs[var_name(t)]

resolve(t, envs) := t if not envs[var_name(t)]

# --- What one container (or compose service, or Helm values block) serves.

# {sources, names, revisions}, each a list of [value, path].
container_refs(toks, env) := {
	"sources": dedupe(array.concat(
		resolved(array.concat(flag_values(toks, source_flags), serve_values(toks)), envs),
		env_values(env, source_env),
	)),
	"names": resolved(array.concat(flag_values(toks, name_flags), env_values(env, name_env)), envs),
	"revisions": resolved(array.concat(flag_values(toks, revision_flags), env_values(env, revision_env)), envs),
} if {
	count(toks) + count(env) > 0
	envs := env_map(env)
}

container_refs(toks, env) := {"sources": [], "names": [], "revisions": []} if count(toks) + count(env) == 0

env_values(env, names) := [[v, p] | some e in env; names[e[0]]; v := e[1]; p := e[2]]

resolved(refs, envs) := [[resolve(r[0], envs), r[1]] | some r in refs]

dedupe(refs) := [r | some i, r in refs; not seen(refs, i, r[0])]

seen(refs, i, v) if {
	some j, r in refs
	j < i
	r[0] == v
}

merge_refs(list) := {
	"sources": dedupe([r | some x in list; some r in x.sources]),
	"names": [r | some x in list; some r in x.names],
	"revisions": [r | some x in list; some r in x.revisions],
}

# Containers of a Kubernetes workload's pod spec.
pod_containers(doc, base, cms) := [container_refs(tokens(c, p), k8s_env(c, p, cms)) |
	some i, c in as_list(object.get(doc, array.concat(base, ["containers"]), []))
	is_object(c)
	p := array.concat(base, ["containers", i])
]

# KServe InferenceService predictor: `model` (or an older framework key such as `huggingface`)
# with `storageUri`, arguments and environment.
isvc_refs(doc, cms) := [container_refs(tokens(m, p), k8s_env(m, p, cms)) |
	some fw, m in core.object_at(doc, ["spec", "predictor"])
	is_object(m)
	fw != "containers"
	p := ["spec", "predictor", fw]
]

isvc_sources(doc) := [[m.storageUri, ["spec", "predictor", fw, "storageUri"]] |
	some fw, m in core.object_at(doc, ["spec", "predictor"])
	is_object(m)
	is_string(m.storageUri)
]

llmisvc_refs(doc) := {
	"sources": [[doc.spec.model.uri, ["spec", "model", "uri"]] | is_string(object.get(doc, ["spec", "model", "uri"], null))],
	"names": [[doc.spec.model.name, ["spec", "model", "name"]] | is_string(object.get(doc, ["spec", "model", "name"], null))],
	"revisions": [],
}

k8s_refs(doc, cms) := merge_refs(array.concat(
	array.concat(
		pod_containers(doc, pod_spec_paths[doc.kind], cms),
		isvc_refs(doc, cms),
	),
	array.concat(
		[{"sources": isvc_sources(doc), "names": [], "revisions": []} | doc.kind == "InferenceService"],
		[llmisvc_refs(doc) | doc.kind == "LLMInferenceService"],
	),
))

# --- Units: one per Kubernetes workload, compose service, Helm model spec; a deployment's
# summary holds the units of its document.

units contains u if {
	some a in artifacts
	some u in object.get(a, "units", [])
}

# The units of one deployment artifact (`cms`: see `k8s_env`).
artifact_units(a, cms) := array.concat(array.concat(k8s_units(a, cms), compose_units(a)), array.concat(helm_spec_units(a), helm_units(a, cms)))

k8s_units(a, cms) := [u |
	a.format == "kubernetes"
	pod_spec_paths[a.document.kind]
	refs := k8s_refs(a.document, cms)
	u := object.union(refs, {
		"file": a.path, "index": a.index, "kind": a.document.kind,
		"name": object.get(a.document, ["metadata", "name"], ""),
		"namespace": object.get(a.document, ["metadata", "namespace"], ""),
		"serving": a.document.kind in serving_kinds,
		"base": [],
	})
]

compose_units(a) := [u |
	a.format == "compose"
	some name, s in core.object_at(a.document, "services")
	is_object(s)
	base := ["services", name]
	refs := container_refs(tokens(s, base), compose_env(s, base))
	u := object.union(refs, {
		"file": a.path, "index": a.index, "kind": "ComposeService", "name": name, "namespace": "",
		"serving": false, "base": base,
	})
]

# vLLM production-stack values: `servingEngineSpec.modelSpec[]` (entries with `enabled: false`,
# the chart's example, are not deployed).
helm_spec_units(a) := [u |
	a.format == "helm-values"
	object.get(a.document, ["servingEngineSpec", "enableEngine"], true) != false
	some i, spec in as_list(object.get(a.document, ["servingEngineSpec", "modelSpec"], []))
	is_object(spec)
	object.get(spec, "enabled", true) != false
	base := ["servingEngineSpec", "modelSpec", i]
	u := {
		"file": a.path, "index": a.index, "kind": "HelmRelease", "name": object.get(spec, "name", ""), "namespace": "",
		"serving": true, "base": base,
		"sources": [[spec.modelURL, array.concat(base, ["modelURL"])] | is_string(object.get(spec, "modelURL", null))],
		"names": [[spec.name, array.concat(base, ["name"])] | is_string(object.get(spec, "name", null))],
		"revisions": [[spec.modelRevision, array.concat(base, ["modelRevision"])] | is_string(object.get(spec, "modelRevision", null))],
	}
]

# Other Helm values: command lines and environment at the top level or one level down
# (`image.command: [vllm, serve, <model>]`).
helm_units(a, cms) := [u |
	a.format == "helm-values"
	blocks := [[b, p] |
		some [b, p] in array.concat([[a.document, []]], [[v, [k]] | some k, v in a.document; is_object(v)])
		count([f | some f in ["command", "args", "entrypoint", "env", "envFrom"]; b[f]]) > 0
	]
	refs := merge_refs([container_refs(tokens(b, p), k8s_env(b, p, cms)) | some [b, p] in blocks])
	count(refs.sources) + count(refs.names) > 0
	u := object.union(refs, {
		"file": a.path, "index": a.index, "kind": "HelmRelease", "name": dir_name(a.path), "namespace": "",
		"serving": false, "base": [],
	})
]

# --- Classification of a model reference.

# `hub` (a Hub id or `hf://`, which needs a pinned revision), `path` (a local path or a storage
# URI), or `unknown` (a template or an unresolved variable).
ref_kind(v) := "unknown" if {
	unresolved(v)
} else := "hub" if {
	startswith(lower(v), "hf://")
} else := "path" if {
	regex.match(`^([A-Za-z][A-Za-z0-9+.-]*://|/|\.|~)`, v)
} else := "hub" if {
	v != ""
}

# A template, a variable or a placeholder the reader fills in (`YOUR-MODEL-PATH`, `path/to/model`).
unresolved(v) := true if {
	regex.match(`\$|\{\{|<[^>]*>`, v)
} else := true if {
	regex.match(`(?i)(^|[/:_.-])your[-_]|(^|/)path/to/`, v)
}

generic_segments := {"mnt", "models", "model", "data", "weights", "checkpoints", "checkpoint", "ckpt", "hf", "huggingface", "cache", ".cache", "root", "home", "opt", "srv", "var", "tmp", "snapshots", "hub", "artifacts"}

version_segment(s) if regex.match(`^(v?\d+([._-]\d+)*|[0-9a-f]{7,64}|latest|main|master)$`, lower(s))

# The last meaningful segment of a path or storage URI (`s3://bucket/acme-chat-7b/1.2.0/` →
# `acme-chat-7b`), or "" when there is none (`/mnt/models`).
path_model(v) := m if {
	segs := [s |
		some s in split(regex.replace(v, `^[A-Za-z][A-Za-z0-9+.-]*://`, ""), "/")
		s != ""
		not generic_segments[lower(s)]
		not version_segment(s)
	]
	m := last_or_empty(segs)
}

last_or_empty(l) := l[count(l) - 1] if count(l) > 0

last_or_empty(l) := "" if count(l) == 0

# Names under which a reference may match a card.
match_names(v) := {v} if {
	ref_kind(v) == "hub"
} else := {m | m := path_model(v); m != ""} if {
	ref_kind(v) == "path"
} else := set() if {
	ref_kind(v) == "unknown"
}

# Card keys a unit serves: through any source or served name.
unit_cards(u) := {k |
	some [v, _] in array.concat(u.sources, u.names)
	is_string(v)
	some n in match_names(v)
	some k in cards_named(n)
}

# The revision suffix of a Hub reference (`hf://org/name:rev`, `org/name@rev`).
ref_revision(v) := parts[1] if {
	r := regex.replace(v, `^(hf://|https?://huggingface\.co/)`, "")
	parts := regex.split(`[@:]`, r)
	count(parts) > 1
}

default ref_revision(_) := ""

# --- Deployment manifests and the workloads they target.

targets_unit(t, u) if {
	is_object(t)
	t.kind == u.kind
	object.get(t, "name", u.name) == u.name
	object.get(t, "namespace", "") in {"", u.namespace}
	path_matches_if_given(t, u)
}

# A HelmRelease target names its values file by path.
targets_unit(t, u) if {
	is_object(t)
	t.kind == "HelmRelease"
	u.kind == "HelmRelease"
	path_names(u.file, t.path)
}

path_matches_if_given(t, u) if not t.path

path_matches_if_given(t, u) if path_names(u.file, t.path)

manifest_units(m) := {u |
	some t in as_list(object.get(gov(m.document), "targets", []))
	is_object(t)
	some u in target_candidates(t)
	targets_unit(t, u)
}

# The units a target may name, looked up rather than scanned (`targets_unit` decides): those of
# its kind and name, or every unit of its kind for a target without `name`, and for a
# HelmRelease target the HelmRelease units of the values file its `path` names.
target_candidates(t) := ({u | has_name(t); some u in units_by_kind_name[[t.kind, t.name]]} | {u |
	not has_name(t)
	some u in units_by_kind[t.kind]
}) | {u |
	t.kind == "HelmRelease"
	is_string(t.path)
	r := trim_prefix(t.path, "./")
	r != ""
	some u in helm_units_by_tail[tail_key(r)]
}

# A target that gives a `name` (even null) names only units of that name.
has_name(t) if "name" in object.keys(t)

# Units by kind, and by [kind, name]: a target only ever names units of its own kind (see
# `targets_unit`). (regorus takes only a variable or a reference as the key of a multi-value
# rule, so a key that is built is bound in the body.)
units_by_kind[u.kind] contains u if some u in units

units_by_kind_name[kind_name] contains u if {
	some u in units
	kind_name := [u.kind, u.name]
}

# HelmRelease units by the `short_tails` of their values file's path.
helm_units_by_tail[t] contains u if {
	some u in units
	u.kind == "HelmRelease"
	some t in short_tails(u.file)
}

manifest_model(m) := object.get(gov(m.document), "model", {})

names_model(m) if is_string(manifest_model(m).name)

names_model(m) if is_string(manifest_model(m).card)

# Card keys of the models a deployment manifest serves: its `governance.model` (by name or card
# path), else the models of the workloads it targets.
manifest_cards(m) := cards_named(object.get(manifest_model(m), "name", null)) | cards_named(object.get(manifest_model(m), "card", null)) if names_model(m)

manifest_cards(m) := {k | some u in manifest_units(m); some k in unit_cards(u)} if not names_model(m)

# The name of what a manifest serves, for messages.
manifest_model_label(m) := manifest_model(m).name if is_string(manifest_model(m).name)

manifest_model_label(m) := manifest_model(m).card if {
	not is_string(manifest_model(m).name)
	is_string(manifest_model(m).card)
}

manifest_model_label(m) := concat(", ", sort({v | some u in manifest_units(m); some [v, _] in array.concat(u.sources, u.names); is_string(v)})) if not names_model(m)

# Workloads governed by a manifest that names its model: the manifest speaks for them.
governed(u) if {
	some t in naming_targets_by_kind_name[[u.kind, u.name]]
	targets_unit(t, u)
}

governed(u) if {
	some t in unnamed_naming_targets_by_kind[u.kind]
	targets_unit(t, u)
}

governed(u) if {
	u.kind == "HelmRelease"
	some r in short_tails(u.file)
	some t in helm_naming_targets_by_path[r]
	targets_unit(t, u)
}

# The targets of the manifests that name their model, by kind, gathered once.
naming_targets := [t |
	some m in manifests
	names_model(m)
	some t in as_list(object.get(gov(m.document), "targets", []))
	is_object(t)
]

# The naming targets a unit may match, looked up by the unit (`targets_unit` decides): by kind
# and name, by kind for a target without `name`, and HelmRelease targets by the path they give
# (without `./`), keyed by its `tail_key`, which is one of the values file's `short_tails`.
naming_targets_by_kind_name[kind_name] contains t if {
	some t in naming_targets
	has_name(t)
	kind_name := [t.kind, t.name]
}

unnamed_naming_targets_by_kind[t.kind] contains t if {
	some t in naming_targets
	not has_name(t)
}

helm_naming_targets_by_path[k] contains t if {
	some t in naming_targets
	t.kind == "HelmRelease"
	is_string(t.path)
	r := trim_prefix(t.path, "./")
	r != ""
	k := tail_key(r)
}

# A large number in scientific notation (`3.8e+25`, not 26 digits).
sci(x) := s if {
	s := sprintf("%v", [x])
	not regex.match(`^\d{7,}$`, s)
}

sci(x) := out if {
	s := sprintf("%v", [x])
	regex.match(`^\d{7,}$`, s)
	m := trim_right(s, "0")
	rest := substring(m, 1, -1)
	out := sprintf("%s%s%se+%d", [substring(m, 0, 1), decimal_point(rest), rest, count(s) - 1])
}

decimal_point(rest) := "." if rest != ""

decimal_point(rest) := "" if rest == ""

# Of several cards of one model that would carry the same finding, the one that reports it:
# a native manifest first (where the governance facts live), then the first by path.
rank(c) := concat("", [format_rank(c.format), key(c)])

format_rank("native") := "1"

format_rank(f) := "2" if f != "native"

# `candidate_keys` is the set of the keys of the cards that carry the finding; the cards of the
# group are looked up in it (a group is a few cards, the candidates may be every card).
representative(c, candidate_keys) if {
	group_keys := group({key(c)})
	not some_better(c, candidate_keys, group_keys)
}

some_better(c, candidate_keys, group_keys) if {
	some k in group_keys
	candidate_keys[k]
	rank(card_by_key[k]) < rank(c)
}

# A finding on a manifest.
finding(m, msg, path) := {"msg": msg, "file": m.path, "index": object.get(m, "index", 0), "path": path}

# ---------------------------------------------------------------------------------------------
# What the repository rules judge (docs/policies.md, "Evidence")

# The artifact document a judgement is about: an artifact (`path`, `index`) or a unit (`file`,
# `index`), with the reason for `not_applicable` / `no_evidence`.
subject(a) := {"file": a.path, "index": object.get(a, "index", 0)} if is_string(a.path)

subject(u) := {"file": u.file, "index": u.index} if is_string(u.file)

subject_because(a, reason) := object.union(subject(a), {"reason": reason})

# Workloads that serve a model (they name one, or always serve one) and that no deployment
# manifest speaks for.
ungoverned := {u | some u in units; not governed(u)}

# The facts of each manifest's service (`public`, `regions`, `commercial`), by the manifest's
# key: its own `governance.service`, over the repository profile's, which speaks for every service
# that does not declare its own. (A rule, not a function of the manifest: a function of this
# package does not see a test's `with data.govlint.profile`.)
service_facts[k] := object.union(profile_service, own) if {
	some m in manifests
	k := key(m)
	own := {f: v | some f, v in core.object_at(gov(m.document), "service"); f in service_fields; v != null}
}

service_fields := {"public", "regions", "commercial"}

profile_service := {f: v | some f in service_fields; v := data.govlint.lib.core.profile[f]; v != null}

# Where each of them comes from, for the reasons given, by the manifest's key.
fact_sources[k] := {f: source |
	some f in service_fields
	source := fact_source_of(object.get(gov(m.document), ["service", f], null), f)
} if {
	some m in manifests
	k := key(m)
}

fact_source_of(own, f) := sprintf("governance.service.%s", [f]) if own != null

fact_source_of(own, f) := sprintf("profile.%s in govlint.yaml", [f]) if own == null
