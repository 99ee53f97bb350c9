package govlint.rules.dp003_test

import data.govlint.rules.dp003
import rego.v1

# The rule binds services offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

params := {"dp003": {"min_image_label_ratio": 0.05, "min_video_label_seconds": 2}}

agreement := {"url": "https://acme.example/terms", "explains_labeling": true}

placed := {"text": {"position": "start"}, "image": {"height_ratio": 0.06}, "video": {"opening_seconds": 3}, "audio": {"cue": "rhythm"}, "export": true}

run(g) := r if {
	r := dp003.deny with input as manifest(g) with data.govlint.file as native with data.govlint.profile as cn_market with data.govlint.params as params
}

labelling(explicit) := {"output_modalities": ["text", "image", "video", "audio"], "content_labeling": {"explicit": explicit, "user_agreement": agreement}}

paths(r) := {concat(".", array.slice(f.path, 2, count(f.path))) | some f in r}

test_labels_placed_as_gb_45438_says_are_quiet if {
	count(run(labelling(placed))) == 0
}

test_unlabeled_modality_fires if {
	r := run(labelling(object.union(placed, {"image": false})))
	paths(r) == {"explicit.image"}
}

test_a_label_declared_without_its_placement_is_a_warning if {
	r := run(labelling(object.union(placed, {"text": true})))
	paths(r) == {"explicit.text"}
	some f in r
	f.severity == "warning"
}

test_small_image_labels_and_short_video_labels_fire if {
	r := run(labelling(object.union(placed, {"image": {"height_ratio": 0.02}, "video": {"opening_seconds": 1}})))
	paths(r) == {"explicit.image.height_ratio", "explicit.video.opening_seconds"}
}

test_placements_must_be_known_values if {
	r := run(labelling(object.union(placed, {"text": {"position": "footer?"}, "audio": {"cue": "beep"}})))
	paths(r) == {"explicit.text.position", "explicit.audio.cue"}
}

test_the_user_agreement_explains_labeling if {
	g := {"output_modalities": ["text"], "content_labeling": {"explicit": placed}}
	paths(run(g)) == {"user_agreement"}
	g2 := {"output_modalities": ["text"], "content_labeling": {"explicit": placed, "user_agreement": {"url": "https://acme.example/terms", "explains_labeling": false}}}
	paths(run(g2)) == {"user_agreement"}
}

test_thresholds_are_parameters if {
	g := labelling(object.union(placed, {"image": {"height_ratio": 0.02}, "video": {"opening_seconds": 1}}))
	count(dp003.deny) == 0 with input as manifest(g) with data.govlint.file as native with data.govlint.profile as cn_market
		with data.govlint.params as {"dp003": {"min_image_label_ratio": 0.01, "min_video_label_seconds": 1}}
}

test_missing_declarations_fire if {
	r := run({})
	{concat(".", f.path) | some f in r} == {"governance.output_modalities", "governance.content_labeling.explicit.export", "governance.content_labeling.user_agreement"}
}

test_out_of_scope_and_workloads_are_quiet if {
	count(dp003.deny) == 0 with input as manifest({"service": {"regions": ["US"]}}) with data.govlint.file as native with data.govlint.profile as cn_market
	count(dp003.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}} with data.govlint.file as {"format": "kubernetes"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp003.evidence with input as manifest({"service": {"public": true, "regions": ["CN"]}, "output_modalities": ["text"], "content_labeling": {"explicit": {"text": true, "export": true}}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp003.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp003.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp003.not_applicable) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp003.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_declared_facts_outside_china_make_it_not_applicable if {
	count(dp003.not_applicable) == 1 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.profile as {"regions": ["US"]}
	count(dp003.not_applicable) == 1 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp003.deny) == 0 with input as manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp003.not_applicable) == 1 with input as manifest({"service": {"public": true, "regions": ["DE"]}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_the_manifest_declaration_wins_over_the_profile if {
	count(dp003.not_applicable) == 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
	count(dp003.deny) > 0 with input as manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp003.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
	not dp003.evidence with input as ev_namespace with data.govlint.file as ev_k8s
}
