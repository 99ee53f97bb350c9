package govlint.rules.ds010_test

import data.govlint.rules.ds010
import rego.v1

cr := {"format": "croissant"}

ctx := {"rai": "http://mlcommons.org/croissant/RAI/", "sc": "https://schema.org/"}

test_full_rai_is_quiet if {
	count(ds010.deny) == 0 with input as {
		"@context": ctx, "@type": "sc:Dataset",
		"rai:dataCollection": "c", "rai:personalSensitiveInformation": "p", "rai:dataBiases": ["b"],
		"rai:dataLimitations": ["l"], "rai:dataUseCases": "u",
	}
		with data.govlint.file as cr
}

test_other_spellings_are_quiet if {
	count(ds010.deny) == 0 with input as {
		"@context": {"r": "http://mlcommons.org/croissant/RAI/", "biases": {"@id": "rai:dataBiases"}},
		"@type": "sc:Dataset",
		"http://mlcommons.org/croissant/RAI/dataCollection": "c",
		"r:personalSensitiveInformation": "p",
		"biases": "b",
		"dataLimitations": "l",
		"rai:useCases": "u",
	}
		with data.govlint.file as cr
}

test_partial_rai_fires_per_property if {
	r := ds010.deny with input as {"@context": ctx, "@type": "sc:Dataset", "rai:dataBiases": ["b"], "rai:dataCollection": "c"}
		with data.govlint.file as cr
	count(r) == 3
	{f.path | some f in r} == {["rai:personalSensitiveInformation"], ["rai:dataLimitations"], ["rai:dataUseCases"]}
}

test_rai_conformance_without_properties_fires if {
	count(ds010.deny) == 5 with input as {"@context": ctx, "@type": "sc:Dataset", "dct:conformsTo": ["http://mlcommons.org/croissant/1.0", "http://mlcommons.org/croissant/RAI/1.0"]}
		with data.govlint.file as cr
}

test_no_rai_is_quiet if {
	count(ds010.deny) == 0 with input as {"@context": ctx, "@type": "sc:Dataset", "conformsTo": "http://mlcommons.org/croissant/1.0"} with data.govlint.file as cr
}

test_native_manifest_is_not_checked if {
	count(ds010.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "rai:dataBiases": "x"}
		with data.govlint.file as {"format": "native"}
}

test_evidence_is_a_croissant_rai_file if {
	ds010.evidence with input as {"@context": ctx, "rai:dataBiases": "b"} with data.govlint.file as cr
	count(ds010.no_subject) == 1 with input as {"@context": {"sc": "https://schema.org/"}} with data.govlint.file as cr
	count(ds010.no_subject) == 1 with input as {} with data.govlint.file as {"format": "huggingface"}
}
