package govlint.repository.dg005_test

import data.govlint.repository.dg005
import rego.v1

test_a_complete_assessment_is_evidence_and_passes if {
	dg005.evidence with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"risk": {"level": "medium", "rationale": "public users, no decisions about individuals"}}}
	count(dg005.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"risk": {"level": "medium", "rationale": "public users, no decisions about individuals"}}}
}

test_an_incomplete_assessment_fires_in_govlint_yaml if {
	r := dg005.deny with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"risk": {"level": "high"}}}
	count(r) == 1
	every f in r {
		f.path[0] == "profile"
		not f.file
	}
}

test_without_an_assessment_there_is_no_evidence_and_no_finding if {
	not dg005.evidence with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg005.no_evidence) == 1 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg005.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg005.deny) == 0 with input as {"artifacts": []}
}
