# Helpers shared by every bundled rule: presence of values and Markdown sections.
package govlint.lib.core

import rego.v1

# A value that says something: non-blank text, a list with such an item, a non-empty
# object, a number, or true. (Rego forbids recursion, so list items are judged as scalars.)
present(x) := true if {
	scalar_present(x)
} else := true if {
	is_array(x)
	some item in x
	scalar_present(item)
} else := true if {
	is_array(x)
	some item in x
	is_object(item)
	count(item) > 0
} else := true if {
	is_object(x)
	count(x) > 0
}

scalar_present(x) := true if {
	is_string(x)
	trim_space(x) != ""
} else := true if {
	is_number(x)
} else := true if {
	x == true
}

# The object at `path` (a key or a list of keys) of `x`, or an empty one where there is none or
# the value is of another type (the schema check reports that): a rule or helper reads such a
# field as absent instead of failing on it.
object_at(x, path) := v if {
	v := object.get(x, path, {})
	is_object(v)
} else := {}

# The value at a path (array of keys), or null.
at(obj, path) := object.get(obj, path, null)

default file_sections := []

file_sections := data.govlint.file.sections

# Markdown sections of the current file whose heading matches `pattern` (case-insensitive).
sections(pattern) := [s |
	some s in file_sections
	regex.match(concat("", ["(?i)", pattern]), s.heading)
]

# Whether a section matching `pattern` has words of its own.
section_filled(pattern) if {
	some s in sections(pattern)
	s.words > 0
}

# The repository profile (`profile:` in govlint.yaml): facts declared once for every artifact.
# An empty object when the config declares none.
default profile := {}

profile := p if {
	p := data.govlint.profile
	is_object(p)
}

# Markets (`regions`): ISO 3166-1 alpha-2 codes or `EU`, upper-cased. The profile's speak for
# every artifact that declares none of its own; the libraries of each kind take an artifact's
# own first (deploy.regions, model.regions, dataset.regions).
profile_regions := [upper(r) | some r in profile.regions; is_string(r)] if is_array(profile.regions)

default profile_regions := []

regions_of(v) := [upper(r) | some r in v; is_string(r)] if is_array(v)

default regions_of(_) := []

# `EU` or a member state: the EU AI Act applies to what is placed on the Union market.
eu_codes := {
	"EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
	"LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}

any_in_eu(regions) if {
	some r in regions
	r in eu_codes
}

# The markets in force for an artifact that declares `own` (its regions, from regions_of) at
# `field`: its own, else the profile's; and where they are declared, for the reasons given.
regions_in_force(own) := own if {
	count(own) > 0
} else := profile_regions if {
	count(own) == 0
}

regions_source(own, field) := field if count(own) > 0

regions_source(own, _) := "profile.regions in govlint.yaml" if count(own) == 0

# Applicability of the Chinese rules (offered to the public in China) and of the EU AI Act
# (placed on the Union market) to an artifact, `what` naming it in the reasons ("model",
# "dataset"). Without declared markets neither is decided: the artifact lacks the evidence.
profile_not_public if profile.public == false

cn_market(own) if {
	"CN" in regions_in_force(own)
	not profile_not_public
}

eu_market(own) if any_in_eu(regions_in_force(own))

cn_exclusion(what, _, _) := sprintf("the %s is declared not offered to the public (profile.public in govlint.yaml: false)", [what]) if profile_not_public

cn_exclusion(what, own, field) := sprintf("the %s is declared offered in %s, not in China (%s)", [what, concat(", ", regions_in_force(own)), regions_source(own, field)]) if {
	not profile_not_public
	count(regions_in_force(own)) > 0
	not "CN" in regions_in_force(own)
}

eu_exclusion(what, own, field) := sprintf("the %s is declared offered in %s, not in the EU (%s)", [what, concat(", ", regions_in_force(own)), regions_source(own, field)]) if {
	count(regions_in_force(own)) > 0
	not any_in_eu(regions_in_force(own))
}

markets_undeclared(what, own, field) := sprintf("no market is declared for the %s (`%s`, or `profile.regions` in govlint.yaml)", [what, field]) if count(regions_in_force(own)) == 0

cn_undeclared(what, own, field) := markets_undeclared(what, own, field) if not profile_not_public
