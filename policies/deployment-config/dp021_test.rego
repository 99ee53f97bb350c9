package govlint.rules.dp021_test

import data.govlint.rules.dp021
import rego.v1

native := {"format": "native"}

params := {"dp021": {"min_signatures": 3}}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

cn := {"public": true, "regions": ["CN"]}

assessment := {
	"date": "2025-02-25", "model_version": "1.2.0", "report_url": "https://acme.example/sa.pdf",
	"signed_by": ["Wang Fang (legal representative)", "Li Wei (overall lead)", "Zhang Min (legality lead)"],
	"clauses": [
		{"clause": "5.1", "verdict": "conforms", "evidence": "source audit 2025-01"},
		{"clause": "7.b", "verdict": "does-not-conform", "remediation": "opt-out page ships in March"},
		{"clause": "7.f", "verdict": "not-applicable", "justification": "no minors' mode: adults only"},
	],
}

run(g) := r if {
	r := dp021.deny with input as manifest(g) with data.govlint.file as native with data.govlint.params as params
}

served(version) := {"name": "acme-chat-7b", "revision": version}

test_a_complete_assessment_of_the_served_version_is_quiet if {
	count(run({"service": cn, "model": served("1.2.0"), "security_assessment": assessment})) == 0
}

test_no_assessment_fires if {
	r := run({"service": cn})
	{f.path | some f in r} == {["governance", "security_assessment"]}
}

test_a_changed_model_is_assessed_again if {
	r := run({"service": cn, "model": served("1.3.0"), "security_assessment": assessment})
	{f.path | some f in r} == {["governance", "security_assessment", "model_version"]}
	some f in r
	contains(f.msg, "`1.2.0`")
	contains(f.msg, "`1.3.0`")
}

test_each_verdict_carries_what_it_needs if {
	clauses := [
		{"clause": "5.1", "verdict": "conforms"},
		{"clause": "7.b", "verdict": "does-not-conform"},
		{"clause": "7.f", "verdict": "not-applicable"},
		{"clause": "8.1", "verdict": "passed"},
	]
	r := run({"service": cn, "model": served("1.2.0"), "security_assessment": object.union(assessment, {"clauses": clauses})})
	{concat("/", [format_int(f.path[3], 10), f.path[4]]) | some f in r} == {"0/evidence", "1/remediation", "2/justification", "3/verdict"}
}

test_three_responsible_persons_sign if {
	r := run({"service": cn, "model": served("1.2.0"), "security_assessment": object.union(assessment, {"signed_by": ["Li Wei"]})})
	{f.path | some f in r} == {["governance", "security_assessment", "signed_by"]}
}

test_missing_fields_fire if {
	r := run({"service": cn, "security_assessment": {"report_url": "https://acme.example/sa.pdf", "signed_by": assessment.signed_by}})
	{f.path[2] | some f in r} == {"date", "model_version", "clauses"}
}

test_scope_by_market if {
	count(run({"service": {"public": true, "regions": ["US"]}})) == 0
	count(run({"service": {"public": false, "regions": ["CN"]}})) == 0
	count(dp021.no_evidence) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.params as params
	count(dp021.deny) == 0 with input as manifest({}) with data.govlint.file as native with data.govlint.params as params
}

test_an_assessment_without_signatures_fires if {
	r := run({"service": cn, "model": served("1.2.0"), "security_assessment": object.remove(assessment, ["signed_by"])})
	{f.path | some f in r} == {["governance", "security_assessment", "signed_by"]}
}

test_clauses_that_are_not_a_list_record_none if {
	every clauses in [true, 7, "all conform"] {
		r := run({"service": cn, "model": served("1.2.0"), "security_assessment": object.union(assessment, {"clauses": clauses})})
		{f.msg | some f in r} == {"the security assessment has no clause-by-clause verdicts (governance.security_assessment.clauses)"}
	}
}
