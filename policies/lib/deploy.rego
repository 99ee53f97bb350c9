# Format-neutral access to deployment configs: the containers of every Kubernetes workload
# kind, of KServe resources and of docker-compose services, each with its JSON path.
package govlint.lib.deploy

import rego.v1

default format := ""

format := data.govlint.file.format

pod_spec_paths := {
	"Pod": ["spec"],
	"Deployment": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
	"ServingRuntime": ["spec"],
	"ClusterServingRuntime": ["spec"],
	"LLMInferenceService": ["spec", "template"],
}

# KServe InferenceService components that carry pod specs.
isvc_components := ["predictor", "transformer", "explainer"]

# Pod specs of the document, as [path, spec].
pod_specs contains [path, spec] if {
	format == "kubernetes"
	path := pod_spec_paths[input.kind]
	spec := object.get(input, path, null)
	is_object(spec)
}

pod_specs contains [path, spec] if {
	format == "kubernetes"
	input.kind == "InferenceService"
	some comp in isvc_components
	path := ["spec", comp]
	spec := object.get(input, path, null)
	is_object(spec)
}

# Containers as {"path": [...], "name": ..., "image": ..., "container": {...}}.
containers contains {"path": p, "name": object.get(c, "name", ""), "image": object.get(c, "image", null), "container": c} if {
	some [base, spec] in pod_specs
	some field in ["containers", "initContainers"]
	some i, c in object.get(spec, field, [])
	is_object(c)
	p := array.concat(base, [field, i])
}

# The single-container shorthand of KServe predictors (`predictor.model`, `predictor.huggingface`…).
containers contains {"path": p, "name": name, "image": c.image, "container": c} if {
	format == "kubernetes"
	input.kind == "InferenceService"
	some comp in isvc_components
	some name, c in object.get(input, ["spec", comp], {})
	is_object(c)
	c.image
	p := ["spec", comp, name]
}

containers contains {"path": ["services", name], "name": name, "image": object.get(s, "image", null), "container": s} if {
	format == "compose"
	some name, s in input.services
	is_object(s)
}
