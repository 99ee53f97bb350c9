package govlint.rules.dp003_test

import data.govlint.rules.dp003
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

test_labeled_modalities_are_quiet if {
	g := {"output_modalities": ["text", "image"], "content_labeling": {"explicit": {"text": true, "image": true, "export": true}}}
	count(dp003.deny) == 0 with input as manifest(g) with data.govlint.file as native
}

test_unlabeled_modality_fires if {
	g := {"output_modalities": ["text", "image"], "content_labeling": {"explicit": {"text": true, "image": false, "export": true}}}
	r := dp003.deny with input as manifest(g) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "content_labeling", "explicit", "image"]
}

test_missing_declarations_fire if {
	r := dp003.deny with input as manifest({}) with data.govlint.file as native
	count(r) == 2
	some f in r
	f.path == ["governance", "output_modalities"]
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp003.deny) == 0 with input as manifest({"service": {"regions": ["US"]}}) with data.govlint.file as native
	count(dp003.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}} with data.govlint.file as {"format": "kubernetes"}
}
