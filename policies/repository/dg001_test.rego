package govlint.repository.dg001_test

import data.govlint.repository.dg001
import rego.v1

test_a_complete_assessment_is_evidence_and_passes if {
	dg001.evidence with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"scenario": "support assistant", "requirements": {"infrastructure": "i", "data-resources": "d", "algorithm-models": "m", "application-services": "a", "security-trustworthiness": "s"}}}
	count(dg001.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"scenario": "support assistant", "requirements": {"infrastructure": "i", "data-resources": "d", "algorithm-models": "m", "application-services": "a", "security-trustworthiness": "s"}}}
}

test_an_incomplete_assessment_fires_in_govlint_yaml if {
	r := dg001.deny with input as {"artifacts": []} with data.govlint.profile as {"assessment": {"scenario": "support assistant", "requirements": {"infrastructure": "i"}}}
	count(r) == 4
	every f in r {
		f.path[0] == "profile"
		not f.file
	}
}

test_without_an_assessment_there_is_no_evidence_and_no_finding if {
	not dg001.evidence with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg001.no_evidence) == 1 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg001.deny) == 0 with input as {"artifacts": []} with data.govlint.profile as {"regions": ["CN"]}
	count(dg001.deny) == 0 with input as {"artifacts": []}
}
