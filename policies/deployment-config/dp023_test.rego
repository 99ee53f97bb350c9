package govlint.rules.dp023_test

import data.govlint.rules.dp023
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

eu := {"public": true, "regions": ["EU"]}

complete := {"deep_fake": "Visible caption and C2PA manifest", "public_interest_text": {"published": false}, "timing": "first-interaction"}

run(g) := r if {
	r := dp023.deny with input as manifest(g) with data.govlint.file as native
}

paths(r) := {concat(".", array.slice(f.path, 2, count(f.path))) | some f in r}

test_complete_disclosures_are_quiet if {
	count(run({"service": eu, "output_modalities": ["text", "video"], "eu_disclosure": complete})) == 0
}

test_deep_fakes_are_disclosed_where_the_service_outputs_media if {
	g := {"service": eu, "output_modalities": ["image"], "eu_disclosure": object.remove(complete, ["deep_fake"])}
	paths(run(g)) == {"deep_fake"}
	count(run({"service": eu, "output_modalities": ["text"], "eu_disclosure": object.remove(complete, ["deep_fake"])})) == 0
}

test_public_interest_text_is_disclosed_or_under_editorial_responsibility if {
	published := {"published": true}
	paths(run({"service": eu, "eu_disclosure": object.union(complete, {"public_interest_text": published})})) == {"public_interest_text"}
	count(run({"service": eu, "eu_disclosure": object.union(complete, {"public_interest_text": {"published": true, "disclosed": true}})})) == 0
	edited := {"published": true, "editorial_review": true, "editorial_responsibility": "ACME News desk"}
	count(run({"service": eu, "eu_disclosure": object.union(complete, {"public_interest_text": edited})})) == 0
	reviewed_only := {"published": true, "editorial_review": true}
	paths(run({"service": eu, "eu_disclosure": object.union(complete, {"public_interest_text": reviewed_only})})) == {"public_interest_text"}
}

test_the_timing_is_the_first_interaction if {
	paths(run({"service": eu, "eu_disclosure": object.union(complete, {"timing": "later"})})) == {"timing"}
}

test_nothing_recorded_fires if {
	paths(run({"service": eu, "output_modalities": ["audio"]})) == {"deep_fake", "public_interest_text.published", "timing"}
}

test_scope_by_market if {
	count(run({"service": {"public": true, "regions": ["CN"]}, "output_modalities": ["video"]})) == 0
	count(dp023.not_applicable) == 1 with input as manifest({"service": {"regions": ["CN"]}}) with data.govlint.file as native
	count(run({})) == 0
	count(dp023.no_evidence) == 1 with input as manifest({}) with data.govlint.file as native
	count(dp023.deny) == 2 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"regions": ["FR"]}
}
