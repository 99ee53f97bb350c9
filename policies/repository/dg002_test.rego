package govlint.repository.dg002_test

import data.govlint.repository.dg002
import rego.v1

test_a_complete_assessment_is_evidence_and_passes if {
	dg002.evidence with input as {"artifacts": []} with data.govlint.profile as {"owner": {"name": "ML", "email": "ml@example.com"}, "assessment": {"team": [{"role": "model owner", "name": "Li Wei"}]}}
	count(dg002.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"owner": {"name": "ML", "email": "ml@example.com"}, "assessment": {"team": [{"role": "model owner", "name": "Li Wei"}]}}
}

test_an_incomplete_assessment_fires_in_govlint_yaml if {
	r := dg002.deny with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"scenario": "s"}}
	count(r) == 2
	every f in r {
		f.path[0] == "profile"
		not f.file
	}
}

test_without_an_assessment_there_is_no_evidence_and_no_finding if {
	not dg002.evidence with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg002.no_evidence) == 1 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg002.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg002.deny) == 0 with input as {"artifacts": []}
}
