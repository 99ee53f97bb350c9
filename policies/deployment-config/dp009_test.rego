package govlint.rules.dp009_test

import data.govlint.rules.dp009
import rego.v1

native := {"format": "native"}

manifest(g) := {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d"}, "governance": g}

layer := {"metrics": ["m"], "thresholds": {"m": 1}, "owner": {"name": "SRE", "email": "sre@example.com"}}

full := {"infrastructure": layer, "data_pipeline": layer, "model_runtime": layer, "application": layer}

test_four_layers_are_quiet if {
	count(dp009.deny) == 0 with input as manifest({"monitoring": full}) with data.govlint.file as native
}

test_missing_monitoring_fires if {
	r := dp009.deny with input as manifest({}) with data.govlint.file as native
	count(r) == 1
	some f in r
	f.path == ["governance", "monitoring"]
}

test_missing_layer_and_part_fire if {
	m := object.union(object.remove(full, ["data_pipeline", "application"]), {"application": {"metrics": ["availability"]}})
	r := dp009.deny with input as manifest({"monitoring": m}) with data.govlint.file as native
	count(r) == 3
	some f in r
	f.path == ["governance", "monitoring", "data_pipeline"]
}

test_applies_outside_china_but_not_to_workloads if {
	count(dp009.deny) == 1 with input as manifest({"service": {"regions": ["US"]}}) with data.govlint.file as native
	count(dp009.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}} with data.govlint.file as {"format": "kubernetes"}
}

ev_k8s := {"format": "kubernetes"}

ev_workload := {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "chat"}, "spec": {"template": {"spec": {"containers": [{"name": "vllm", "image": "x"}]}}}}

ev_namespace := {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "chat"}}

test_evidence_is_the_declared_facts if {
	dp009.evidence with input as manifest({"monitoring": full}) with data.govlint.file as native
	not dp009.evidence with input as manifest({}) with data.govlint.file as native
}

test_a_workload_without_a_manifest_has_no_evidence if {
	not dp009.evidence with input as ev_workload with data.govlint.file as ev_k8s
	count(dp009.deny) == 0 with input as ev_workload with data.govlint.file as ev_k8s
	count(dp009.no_subject) == 0 with input as ev_workload with data.govlint.file as ev_k8s
}

test_documents_that_run_no_service_are_no_subject if {
	count(dp009.no_subject) == 1 with input as ev_namespace with data.govlint.file as ev_k8s
}
