package govlint.repository.dg006_test

import data.govlint.repository.dg006
import rego.v1

test_a_complete_assessment_is_evidence_and_passes if {
	dg006.evidence with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"strategy": {"route": "fine-tune Qwen2.5-7B", "goals": "answer 80% of tickets"}}}
	count(dg006.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"strategy": {"route": "fine-tune Qwen2.5-7B", "goals": "answer 80% of tickets"}}}
}

test_an_incomplete_assessment_fires_in_govlint_yaml if {
	r := dg006.deny with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"strategy": {"route": "API"}}}
	count(r) == 1
	every f in r {
		f.path[0] == "profile"
		not f.file
	}
}

test_without_an_assessment_there_is_no_evidence_and_no_finding if {
	not dg006.evidence with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg006.no_evidence) == 1 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg006.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg006.deny) == 0 with input as {"artifacts": []}
}
