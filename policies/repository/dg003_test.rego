package govlint.repository.dg003_test

import data.govlint.repository.dg003
import rego.v1

test_a_complete_assessment_is_evidence_and_passes if {
	dg003.evidence with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"resources": {"compute": "8 x H800"}}}
	count(dg003.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"resources": {"compute": "8 x H800"}}}
}

test_an_incomplete_assessment_fires_in_govlint_yaml if {
	r := dg003.deny with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"scenario": "s"}}
	count(r) == 1
	every f in r {
		f.path[0] == "profile"
		not f.file
	}
}

test_without_an_assessment_there_is_no_evidence_and_no_finding if {
	not dg003.evidence with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg003.no_evidence) == 1 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg003.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg003.deny) == 0 with input as {"artifacts": []}
}
