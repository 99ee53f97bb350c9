# Format-neutral access to dataset manifests: Hugging Face dataset cards, Croissant JSON-LD
# (with its prefixed spellings and both Croissant-RAI spellings) and native manifests.
#
# Rules about facts that only the `governance:` block can carry skip Croissant files (`not
# croissant`): Croissant cannot take foreign keys, so those facts live in a native manifest or an
# HF card beside it, and a finding on the Croissant file would be a false positive.
package govlint.lib.dataset

import data.govlint.lib.core
import rego.v1

default format := ""

format := data.govlint.file.format

croissant if format == "croissant"

governance := object.get(input, "governance", {}) if format != "croissant"

# The governance block as an object (an empty object for Croissant or a non-object value).
default gov := {}

gov := governance if is_object(governance)

# Markets of the models trained on the data (the manifest's `governance.regions`, else the
# repository profile's): TC260-003's corpus requirements (DS003, DS004, DS014, DS015) bind data
# for a model offered in China; without declared markets the manifest lacks the evidence.
own_regions := core.regions_of(object.get(gov, "regions", null))

regions_field := "governance.regions"

cn_market if core.cn_market(own_regions)

eu_market if core.eu_market(own_regions)

cn_exclusion := core.cn_exclusion("dataset", own_regions, regions_field)

cn_undeclared := core.cn_undeclared("dataset", own_regions, regions_field)

markets_undeclared := core.markets_undeclared("dataset", own_regions, regions_field)

as_list(v) := v if {
	is_array(v)
} else := [v]

# The governance block `name` when it is an object, else an empty one: a block of the wrong type
# (the schema check reports it) says nothing, and the rules that read it report what is missing.
gov_block(name) := core.object_at(gov, name)

# ---------------------------------------------------------------------------------------------
# Croissant core properties

schema_iris := ["https://schema.org/", "http://schema.org/"]

# Keys under which a Croissant document may carry schema.org / Croissant property `name`:
# bare (with the usual `@vocab`), prefixed, or as a full IRI.
croissant_keys(name) := array.concat(
	[name, concat(":", ["sc", name]), concat(":", ["schema", name]), concat(":", ["cr", name]), concat(":", ["rai", name]), concat(":", ["dct", name])],
	[concat("", [iri, name]) | some iri in array.concat(schema_iris, ["http://mlcommons.org/croissant/", "http://purl.org/dc/terms/"])],
)

# A Croissant property under its plain, prefixed or full-IRI name (`license`, `sc:license`, …).
croissant_value(doc, name) := v if {
	some key in croissant_keys(name)
	v := doc[key]
}

# The key that holds the property, for finding paths; the plain name when it is missing.
croissant_key(doc, name) := k if {
	ks := [key | some key in croissant_keys(name); _ = doc[key]]
	count(ks) > 0
	k := ks[0]
}

croissant_key(doc, name) := name if {
	count([key | some key in croissant_keys(name); _ = doc[key]]) == 0
}

# `conformsTo` values (`conformsTo`, `dct:conformsTo`, the Dublin Core IRI), as strings.
conforms_to(doc) := [s |
	v := croissant_value(doc, "conformsTo")
	some item in as_list(v)
	s := conformance_string(item)
]

conformance_string(item) := item if is_string(item)

conformance_string(item) := item["@id"] if {
	is_object(item)
	is_string(item["@id"])
}

# ---------------------------------------------------------------------------------------------
# Croissant-RAI: `rai:X`, a full IRI `http://mlcommons.org/croissant/RAI/X`, a bare `X`, a
# context alias for one of those, or any other prefix the `@context` binds to the RAI namespace.
# The RAI 1.0 specification itself uses two names for some properties (its overview table and
# its property table differ); both are accepted. The keys of the document are classified once
# per document (`rai_entries`), so rules ask cheaply about any property.

rai_namespaces := {"http://mlcommons.org/croissant/RAI/", "https://mlcommons.org/croissant/RAI/"}

# Alternative name → the name used in the specification's property table.
rai_canonical := {
	"useCases": "dataUseCases",
	"dataReleaseMaintenance": "dataReleaseMaintenancePlan",
	"annotationProtocol": "dataAnnotationProtocol",
	"annotationPlatform": "dataAnnotationPlatform",
	"dataCollectionTimeFrame": "dataCollectionTimeframe",
	"annotatorsDemographics": "annotatorDemographics",
}

# Every property of the RAI 1.0 vocabulary.
rai_properties := {
	"dataCollection", "dataCollectionType", "dataCollectionMissingData", "dataCollectionRawData",
	"dataCollectionTimeframe", "dataImputationProtocol", "dataManipulationProtocol",
	"dataPreprocessingProtocol", "dataAnnotationProtocol", "dataAnnotationPlatform",
	"dataAnnotationAnalysis", "dataReleaseMaintenancePlan", "personalSensitiveInformation",
	"dataSocialImpact", "dataBiases", "dataLimitations", "dataUseCases", "annotationsPerItem",
	"annotatorDemographics", "machineAnnotationTools",
}

rai_names := rai_properties | {n | some n, _ in rai_canonical}

canonical(n) := object.get(rai_canonical, n, n)

default context := {}

context := c if {
	c := input["@context"]
	is_object(c)
}

# Prefixes the document binds to the RAI namespace (`rai` by convention).
rai_prefixes := {p | some p, v in context; v in rai_namespaces} | {"rai"}

# The RAI property an IRI or compact IRI names.
rai_local(iri) := local if {
	some ns in rai_namespaces
	startswith(iri, ns)
	local := substring(iri, count(ns), -1)
	rai_names[local]
}

rai_local(iri) := local if {
	parts := split(iri, ":")
	count(parts) == 2
	rai_prefixes[parts[0]]
	local := parts[1]
	rai_names[local]
}

term_target(def) := def if is_string(def)

term_target(def) := def["@id"] if is_object(def)

# [property, key] for every key of the document that holds an RAI property.
rai_entries contains [canonical(local), k] if {
	is_object(input)
	some k, _ in input
	local := rai_local(k)
}

rai_entries contains [canonical(k), k] if {
	is_object(input)
	some k, _ in input
	rai_names[k]
	not context[k]
}

rai_entries contains [canonical(local), k] if {
	is_object(input)
	some k, _ in input
	def := context[k]
	local := rai_local(term_target(def))
}

# Keys of the document that hold RAI property `name` (any spelling, any alias).
rai_keys(name) := {k | some [n, k] in rai_entries; n == name}

# Values of RAI property `name`.
rai_values(name) := [input[k] | some k in rai_keys(name)]

rai_present(name) if {
	some v in rai_values(name)
	core.present(v)
}

# The path of RAI property `name` (the key used, or `rai:name` when it is missing).
rai_path(name) := [k] if {
	ks := sort([k | some k in rai_keys(name)])
	count(ks) > 0
	k := ks[0]
}

rai_path(name) := [concat(":", ["rai", name])] if count(rai_keys(name)) == 0

# The file declares Croissant-RAI: it conforms to the RAI specification or uses an RAI property.
rai_declared if {
	some c in conforms_to(input)
	contains(lower(c), "croissant/rai")
}

rai_declared if count(rai_entries) > 0

# ---------------------------------------------------------------------------------------------
# Markdown sections of a Hugging Face card, ignoring template placeholders.

# Text of a section without HTML comments, `{{ … }}` / `{placeholder}` template slots and the
# `[More Information Needed]` marker.
section_content(s) := trim_space(regex.replace(
	regex.replace(
		regex.replace(object.get(s, "text", ""), `(?s)<!--.*?-->`, ""),
		`(?s)\{\{.*?\}\}|\{[A-Za-z0-9_]+\}`, "",
	),
	`(?i)\[(More Information Needed|optional)\]`, "",
))

# Sections whose heading matches `pattern` and that say something of their own.
filled_sections(pattern) := [s |
	some s in core.sections(pattern)
	regex.match(`[\p{L}\p{N}]{2,}`, section_content(s))
]

section_filled(pattern) if count(filled_sections(pattern)) > 0

# The 1-based line of the first heading matching `pattern`.
section_line(pattern) := s.line if {
	ss := core.sections(pattern)
	count(ss) > 0
	s := ss[0]
}

# ---------------------------------------------------------------------------------------------
# License ids, names or URLs the manifest declares.

licenses contains l if {
	format != "croissant"
	is_string(input.license)
	l := input.license
}

licenses contains l if {
	format != "croissant"
	is_array(input.license)
	some l in input.license
	is_string(l)
}

licenses contains l if {
	format == "croissant"
	v := croissant_value(input, "license")
	some l in as_list(v)
	is_string(l)
}

licenses contains l if {
	format == "croissant"
	v := croissant_value(input, "license")
	some o in as_list(v)
	is_object(o)
	l := object.get(o, "@id", object.get(o, "url", object.get(o, "name", null)))
	is_string(l)
}

# ---------------------------------------------------------------------------------------------
# Sources of the governance block, with their index.

sources := [[i, s] | some i, s in as_list(object.get(gov, "sources", [])); is_object(s)]

# A source still in the corpus (not excluded).
used(s) if not s.excluded == true

# ---------------------------------------------------------------------------------------------
# Repository rules: names a manifest answers to, for cross-references from model cards (used
# with an artifact entry of the repository input).

ids(artifact) := {id |
	some id in candidate_ids(artifact)
	is_string(id)
	id != ""
}

candidate_ids(a) := [
	object.get(a.document, ["metadata", "name"], ""),
	object.get(a.document, ["governance", "dataset_id"], ""),
	object.get(a.document, "name", ""),
	object.get(a.document, "pretty_name", ""),
	dir_name(a.path),
]

dir_name(path) := name if {
	parts := split(path, "/")
	count(parts) > 1
	name := parts[count(parts) - 2]
}

default dir_name(_) := ""

# A reference (Hub id, name) names this manifest: exactly, case-insensitively, or by its last
# path segment.
names_manifest(ref, artifact) if {
	is_string(ref)
	known := {k | some id in ids(artifact); some k in {id, lower(id)}}
	some candidate in {ref, lower(ref), last_segment(ref), lower(last_segment(ref))}
	known[candidate]
}

last_segment(s) := parts[count(parts) - 1] if {
	parts := split(trim_right(s, "/"), "/")
}

# The names a reference may match in `known_names(manifests)` (as `names_manifest` compares them).
ref_forms(ref) := {ref, lower(ref), last_segment(ref), lower(last_segment(ref))} if is_string(ref)

# Every name the given manifests answer to, exactly and in lower case: built once by a rule so
# that each reference is a set lookup rather than a pass over the manifests.
known_names(manifests) := {k | some m in manifests; some id in ids(m); some k in {id, lower(id)}}

# Personal information the manifest declares (governance block of a native manifest or HF card).
declares_personal_information(doc) if object.get(doc, ["governance", "personal_information", "present"], false) == true
