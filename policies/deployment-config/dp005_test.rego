package govlint.rules.dp005_test

import data.govlint.rules.dp005
import rego.v1

# The rule binds services offered in China (the repository profile declares it here).
cn_market := {"regions": ["CN"]}

native := {"format": "native"}

params := {"dp005": {"min_log_retention_days": 180}}

manifest(opt_out) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": {"content_labeling": {"opt_out": opt_out}}}

test_documented_opt_out_is_quiet if {
	o := {"allowed": true, "user_agreement_clause": "User Agreement 7.3", "log_retention_days": 180}
	count(dp005.deny) == 0 with input as manifest(o) with data.govlint.file as native with data.govlint.profile as cn_market with data.govlint.params as params
}

test_no_opt_out_is_quiet if {
	count(dp005.deny) == 0 with input as manifest({"allowed": false}) with data.govlint.file as native with data.govlint.profile as cn_market with data.govlint.params as params
	count(dp005.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}} with data.govlint.file as native with data.govlint.profile as cn_market with data.govlint.params as params
}

test_short_retention_fires if {
	r := dp005.deny with input as manifest({"allowed": true, "user_agreement_clause": "UA 7.3", "log_retention_days": 30}) with data.govlint.file as native with data.govlint.profile as cn_market with data.govlint.params as params
	count(r) == 1
	some f in r
	f.path == ["governance", "content_labeling", "opt_out", "log_retention_days"]
	contains(f.msg, "30 days")
}

test_missing_clause_and_retention_fire if {
	r := dp005.deny with input as manifest({"allowed": true}) with data.govlint.file as native with data.govlint.profile as cn_market with data.govlint.params as params
	count(r) == 2
}

test_retention_is_a_parameter if {
	count(dp005.deny) == 0 with input as manifest({"allowed": true, "user_agreement_clause": "UA 7.3", "log_retention_days": 30}) with data.govlint.file as native with data.govlint.profile as cn_market
		with data.govlint.params as {"dp005": {"min_log_retention_days": 30}}
}

test_workloads_are_quiet if {
	count(dp005.deny) == 0 with input as {"image": {"repository": "x"}} with data.govlint.file as {"format": "helm-values"} with data.govlint.params as params
}

ev_manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp005.evidence with input as ev_manifest({"service": {"public": true, "regions": ["CN"]}, "content_labeling": {"explicit": {"text": true}}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp005.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp005.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp005.not_applicable) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp005.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_declared_facts_outside_china_make_it_not_applicable if {
	count(dp005.not_applicable) == 1 with input as ev_workload with data.govlint.file as ev_k8s with data.govlint.profile as {"regions": ["US"]}
	count(dp005.not_applicable) == 1 with input as ev_manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp005.deny) == 0 with input as ev_manifest({}) with data.govlint.file as native with data.govlint.profile as {"public": false}
	count(dp005.not_applicable) == 1 with input as ev_manifest({"service": {"public": true, "regions": ["DE"]}}) with data.govlint.file as native with data.govlint.profile as cn_market
}

test_the_manifest_declaration_wins_over_the_profile if {
	count(dp005.not_applicable) == 0 with input as ev_manifest({"service": {"public": true, "regions": ["CN"]}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]}
	count(dp005.deny) > 0 with input as ev_manifest({"service": {"public": true, "regions": ["CN"]}, "content_labeling": {"opt_out": {"allowed": true}}}) with data.govlint.file as native with data.govlint.profile as {"public": false, "regions": ["US"]} with data.govlint.params as params
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp005.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
	not dp005.evidence with input as ev_namespace with data.govlint.file as ev_k8s
}
