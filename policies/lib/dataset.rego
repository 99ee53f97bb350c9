# Format-neutral access to dataset manifests: Hugging Face dataset cards, Croissant JSON-LD
# (with its prefixed spellings) and native manifests.
package govlint.lib.dataset

import rego.v1

default format := ""

format := data.govlint.file.format

governance := object.get(input, "governance", {}) if format != "croissant"

# A Croissant property under its plain or prefixed name (`license`, `sc:license`, `schema:license`).
croissant_value(doc, name) := v if {
	some key in [name, concat(":", ["sc", name]), concat(":", ["schema", name]), concat(":", ["cr", name]), concat(":", ["rai", name])]
	v := doc[key]
}

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

as_list(v) := v if is_array(v)

as_list(v) := [v] if not is_array(v)

# Names a manifest answers to, for cross-references from model cards (used by repository rules
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
