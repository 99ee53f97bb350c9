# Helpers shared by every bundled rule: presence of values and Markdown sections.
package govlint.lib.core

import rego.v1

# A value that says something: non-blank text, a list with such an item, a non-empty
# object, a number, or true. (Rego forbids recursion, so list items are judged as scalars.)
present(x) if scalar_present(x)

present(x) if {
	is_array(x)
	some item in x
	scalar_present(item)
}

present(x) if {
	is_array(x)
	some item in x
	is_object(item)
	count(item) > 0
}

present(x) if {
	is_object(x)
	count(x) > 0
}

scalar_present(x) if {
	is_string(x)
	trim_space(x) != ""
}

scalar_present(x) if is_number(x)

scalar_present(x) if x == true

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
