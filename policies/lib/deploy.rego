# Format-neutral access to deployment configs.
#
# Two families of rules read deployment configs, and this library serves both:
#
# - Governance facts (DP001–DP012, DP018, DP019) live in the `governance:` block of a native
#   `DeploymentManifest` (docs/governance.md). Kubernetes, Helm and compose have no field for
#   them, so those rules run on native manifests only: `native`, `governance`, and the scope
#   helpers `cn_scope` / `eu_scope` below.
# - Workload hygiene (DP013–DP017) reads the workloads themselves: the containers of every
#   Kubernetes workload kind, of KServe resources (InferenceService, ServingRuntime,
#   LLMInferenceService), Knative Services and Argo Rollouts, docker-compose services, and the
#   image sections of Helm values files. What the serving platform fills in by itself (KServe's
#   default readiness probe and resources, the LLMInferenceService base template…) is recorded
#   per container in `supplied`, so that rules do not report it as missing.
package govlint.lib.deploy

import data.govlint.lib.core
import rego.v1

default format := ""

format := data.govlint.file.format

workload_formats := {"kubernetes", "compose", "helm-values"}

workload if format in workload_formats

# ---------------------------------------------------------------------------------------------
# Native DeploymentManifest: the governance block and the service scope
# ---------------------------------------------------------------------------------------------

native if {
	format == "native"
	input.kind == "DeploymentManifest"
}

default governance := {}

governance := g if {
	native
	g := object.get(input, "governance", {})
	is_object(g)
}

# The value at a path inside the governance block, or null.
g(path) := object.get(governance, path, null)

# The document path of a field of the governance block.
gpath(path) := array.concat(["governance"], path)

# Where and to whom the service is offered: the manifest's own `governance.service`, else the
# repository profile (`profile:` in govlint.yaml), which speaks for every service that does not
# declare its own. Regions are ISO 3166-1 alpha-2 codes or `EU`, upper-cased.
manifest_regions := core.regions_of(g(["service", "regions"]))

profile_regions := data.govlint.lib.core.profile_regions

default regions := []

regions := manifest_regions if count(manifest_regions) > 0

regions := profile_regions if {
	not count(manifest_regions) > 0
	count(profile_regions) > 0
}

regions_declared if count(regions) > 0

# Where the regions in force are declared, for the reasons given.
regions_source := "governance.service.regions" if count(manifest_regions) > 0

regions_source := "profile.regions in govlint.yaml" if {
	not count(manifest_regions) > 0
	count(profile_regions) > 0
}

manifest_public := v if {
	v := g(["service", "public"])
	is_boolean(v)
}

profile_public := v if {
	v := data.govlint.lib.core.profile.public
	is_boolean(v)
}

declared_public := manifest_public

declared_public := profile_public if not is_boolean(manifest_public)

public_source := "governance.service.public" if is_boolean(manifest_public)

public_source := "profile.public in govlint.yaml" if {
	not is_boolean(manifest_public)
	is_boolean(profile_public)
}

# The service says it is not offered to the public.
not_public if declared_public == false

# Whether minors may use the service (Interim Measures Art. 10): the manifest's
# `service.minors`, else the profile's `minors`; and where it is declared.
declared_minors := v if {
	v := g(["service", "minors"])
	is_boolean(v)
}

declared_minors := v if {
	not is_boolean(g(["service", "minors"]))
	v := data.govlint.lib.core.profile.minors
	is_boolean(v)
}

minors_source := "governance.service.minors" if is_boolean(g(["service", "minors"]))

minors_source := "profile.minors in govlint.yaml" if {
	not is_boolean(g(["service", "minors"]))
	is_boolean(data.govlint.lib.core.profile.minors)
}

# The Chinese rules (Interim Measures, Labeling Measures, TC260-003: DP001–DP008, DP019) govern
# generative AI services offered to the public in China: a manifest whose regions, or the
# repository profile's, name `CN`, unless it or the profile says `public: false`.
cn_scope if {
	native
	not not_public
	"CN" in regions
}

# Why declared facts take a service out of the Chinese rules, when they do.
cn_exclusion := sprintf("the service is declared not offered to the public (%s: false)", [public_source]) if {
	service
	not_public
}

cn_exclusion := sprintf("the service is declared offered in %s, not in China (%s)", [concat(", ", regions), regions_source]) if {
	service
	not not_public
	regions_declared
	not "CN" in regions
}

# Without declared markets a Chinese rule cannot know that it applies: the service lacks the
# evidence (it is never judged in or out of scope by default, so neither an error nor silence).
markets_undeclared := "no market is declared for the service (`governance.service.regions` of its DeploymentManifest, or `profile.regions` in govlint.yaml)" if {
	service
	not regions_declared
}

cn_undeclared := markets_undeclared if not not_public

# EU AI Act Article 50 (DP012) applies to services placed on the EU market: the regions name
# `EU` or a member state.
in_eu if core.any_in_eu(regions)

eu_scope if {
	native
	in_eu
}

# Why declared facts take a service out of the EU rules, when they do.
eu_exclusion := sprintf("the service is declared offered in %s, not in the EU (%s)", [concat(", ", regions), regions_source]) if {
	service
	regions_declared
	not in_eu
}

eu_undeclared := markets_undeclared

# ---------------------------------------------------------------------------------------------
# Which documents are services (the subject of the governance rules)
# ---------------------------------------------------------------------------------------------

# Kubernetes kinds that run a service (batch Jobs, ServingRuntime templates, Services,
# ConfigMaps, RBAC and the like do not).
serving_kinds := {
	"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController",
	"InferenceService", "LLMInferenceService", "Rollout",
}

# A document that describes a service: a native DeploymentManifest, a serving workload, a
# compose file, or a Helm values file (which configures a chart).
service if native

service if {
	format == "kubernetes"
	input.kind in serving_kinds
}

service if {
	format == "kubernetes"
	input.kind == "Service"
	startswith(object.get(input, "apiVersion", ""), "serving.knative.dev/")
}

service if format in {"compose", "helm-values"}

# Why a document is no service, for the governance rules' `no_subject`.
no_service := sprintf("a document of kind `%s` runs no service", [kind]) if {
	not service
	kind := object.get(input, "kind", null)
	is_string(kind)
}

no_service := "the document runs no service" if {
	not service
	not is_string(object.get(input, "kind", null))
}

# A DeploymentManifest holds governance facts; the workloads it targets hold the containers.
manifest_no_workload := "a DeploymentManifest defines no container: the workloads it targets do" if native

# A document with containers or Helm images: the subject of the workload rules (DP013, DP016).
has_containers if some _ in containers

has_containers if some _ in helm_images

no_containers := sprintf("no container is defined in this document of kind `%s`", [kind]) if {
	not has_containers
	kind := object.get(input, "kind", null)
	is_string(kind)
}

no_containers := "no container is defined in this document" if {
	not has_containers
	not is_string(object.get(input, "kind", null))
}

# ---------------------------------------------------------------------------------------------
# Kubernetes pod specs
# ---------------------------------------------------------------------------------------------

# Pod spec location of each workload kind; `platform` says who else shapes the pod.
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
}

# Run-to-completion workloads: not serving containers (no probes, DP014/DP015 do not apply).
batch_kinds := {"Job", "CronJob"}

platform_of(kind) := "batch" if kind in batch_kinds

platform_of(kind) := "serving-runtime" if kind in {"ServingRuntime", "ClusterServingRuntime"}

platform_of(kind) := "pod" if {
	not kind in batch_kinds
	not kind in {"ServingRuntime", "ClusterServingRuntime"}
}

# Pod specs of the document: {"path", "spec", "platform"}.
pod_specs contains {"path": path, "spec": spec, "platform": platform_of(input.kind)} if {
	format == "kubernetes"
	path := pod_spec_paths[input.kind]
	spec := object.get(input, path, null)
	is_object(spec)
}

# Argo Rollouts and Knative Services carry a Deployment-like pod template.
pod_specs contains {"path": ["spec", "template", "spec"], "spec": spec, "platform": "pod"} if {
	format == "kubernetes"
	input.kind == "Rollout"
	startswith(object.get(input, "apiVersion", ""), "argoproj.io/")
	spec := object.get(input, ["spec", "template", "spec"], null)
	is_object(spec)
}

pod_specs contains {"path": ["spec", "template", "spec"], "spec": spec, "platform": "knative"} if {
	format == "kubernetes"
	input.kind == "Service"
	startswith(object.get(input, "apiVersion", ""), "serving.knative.dev/")
	spec := object.get(input, ["spec", "template", "spec"], null)
	is_object(spec)
}

# KServe InferenceService components: each is a pod spec (inlined) plus optional shorthands.
isvc_components := ["predictor", "transformer", "explainer"]

pod_specs contains {"path": path, "spec": spec, "platform": "isvc"} if {
	format == "kubernetes"
	input.kind == "InferenceService"
	some comp in isvc_components
	path := ["spec", comp]
	spec := object.get(input, path, null)
	is_object(spec)
}

# KServe LLMInferenceService: pod templates merged over the platform's LLMInferenceServiceConfig
# presets (kserve-config-llm-template and friends).
llmisvc_pod_paths := [
	["spec", "template"],
	["spec", "worker"],
	["spec", "prefill", "template"],
	["spec", "prefill", "worker"],
]

pod_specs contains {"path": path, "spec": spec, "platform": "llmisvc"} if {
	format == "kubernetes"
	input.kind == "LLMInferenceService"
	some path in llmisvc_pod_paths
	spec := object.get(input, path, null)
	is_object(spec)
}

# KServe model-format shorthands of a component (`predictor.model`, `predictor.sklearn`…):
# containers merged with a ServingRuntime's container.
isvc_shorthands := [
	"model", "sklearn", "xgboost", "tensorflow", "pytorch", "triton", "onnx", "pmml",
	"lightgbm", "paddle", "huggingface", "art", "alibi",
]

has_shorthand(spec) if {
	some key in isvc_shorthands
	is_object(spec[key])
}

# ---------------------------------------------------------------------------------------------
# Containers
# ---------------------------------------------------------------------------------------------

# Aspects a platform supplies when the manifest leaves them out:
# - KServe adds a TCP readiness probe to the model-server container (raw deployment: the
#   deployment reconciler; serverless: Knative's default readiness probe), and its defaulting
#   webhook sets cpu/memory requests and limits (inferenceservice-config, 1 CPU / 2Gi by default).
# - A model-format shorthand takes image, probes and security context from the ServingRuntime;
#   so does the `kserve-container` that overrides it.
# - The LLMInferenceService base template supplies the `main` container's image, probes and
#   security context.
supplied_by(pod, name, i, is_shorthand) := {"readinessProbe", "livenessProbe", "securityContext", "image", "resources"} if {
	pod.platform == "isvc"
	is_shorthand
}

supplied_by(pod, name, i, is_shorthand) := {"readinessProbe", "livenessProbe", "securityContext", "image", "resources"} if {
	pod.platform == "isvc"
	not is_shorthand
	name == "kserve-container"
	has_shorthand(pod.spec)
}

supplied_by(pod, name, i, is_shorthand) := {"readinessProbe", "resources"} if {
	pod.platform == "isvc"
	not is_shorthand
	not merged_with_runtime(pod, name)
	isvc_main(name, i)
}

supplied_by(pod, name, i, is_shorthand) := {"readinessProbe"} if {
	pod.platform in {"serving-runtime", "knative"}
	i == 0
}

supplied_by(pod, name, i, is_shorthand) := {"readinessProbe", "livenessProbe", "securityContext", "image"} if {
	pod.platform == "llmisvc"
	name == "main"
}

default supplied_by(_, _, _, _) := set()

merged_with_runtime(pod, name) if {
	name == "kserve-container"
	has_shorthand(pod.spec)
}

isvc_main(name, i) if name in {"kserve-container", "transformer-container"}

isvc_main(_, i) if i == 0

has_ports(c) if {
	is_array(c.ports)
	count(c.ports) > 0
}

# Whether a container of a pod spec serves traffic (DP014, DP015): main containers of
# long-running workloads; the model-server container of KServe resources; otherwise the
# containers that declare ports, or every container when none does.
serving(pod, field, name, i, list) if {
	field == "containers"
	pod.platform in {"isvc", "serving-runtime"}
	isvc_main(name, i)
}

serving(pod, field, name, i, list) if {
	field == "containers"
	pod.platform == "llmisvc"
	name == "main"
}

serving(pod, field, name, i, list) if {
	field == "containers"
	pod.platform in {"pod", "knative"}
	serves_model(list[i])
}

# A pod none of whose containers shows it serves a model: the containers that declare ports
# (every container when none does) are taken to serve, unless the pod is a node agent
# (DaemonSet: device plugins, log and metric collectors) or runs a monitoring, tracing or
# utility image. When in doubt, a container is held to the serving rules.
serving(pod, field, name, i, list) if {
	field == "containers"
	pod.platform in {"pod", "knative"}
	not some_serves_model(list)
	not input.kind == "DaemonSet"
	not infra_image(list[i])
	has_ports(list[i])
}

serving(pod, field, name, i, list) if {
	field == "containers"
	pod.platform in {"pod", "knative"}
	not some_serves_model(list)
	not input.kind == "DaemonSet"
	not infra_image(list[i])
	not some_has_ports(list)
}

some_serves_model(list) if {
	some c in list
	is_object(c)
	serves_model(c)
}

# Signs that a container serves a model: a model server's image or command, a model argument
# or variable, or an accelerator it claims.
model_servers := `vllm|text-generation-inference|tgi|tritonserver|triton|sglang|ollama|lmdeploy|llama[.-]?cpp|llama-server|tensorflow/serving|torchserve|kserve|mlserver|seldon|xinference|fastchat|openllm|localai|lorax|aphrodite|tensorrt|nim|huggingface|infinity|tei|model-?server`

serves_model(c) if {
	is_string(c.image)
	regex.match(concat("", [`(?i)(^|[/_.:-])(`, model_servers, `)([/_.:-]|$)`]), c.image)
}

# (A key given with no value, as in `command:`, is null: each list is checked to be one.)
serves_model(c) if {
	some list in ["command", "args"]
	items := object.get(c, list, [])
	is_array(items)
	some a in items
	is_string(a)
	regex.match(`(?i)(^|\s)(--(model|model-id|model-path|model-name|model_name_or_path|served-model-name|model-repository|model-store)(=|\s|$)|vllm|sglang\.launch_server|text-generation-launcher|tritonserver|ollama serve|llama-server)`, a)
}

serves_model(c) if {
	env := object.get(c, "env", [])
	is_array(env)
	some e in env
	is_object(e)
	name := object.get(e, "name", "")
	is_string(name)
	regex.match(`^(MODEL_ID|MODEL_NAME|MODEL_PATH|MODEL|HF_MODEL_ID|SERVED_MODEL_NAME|MODEL_REPO)$`, name)
}

serves_model(c) if {
	some section in ["limits", "requests"]
	bounds := object.get(c, ["resources", section], {})
	is_object(bounds)
	some k, _ in bounds
	regex.match(`^(nvidia\.com/gpu|amd\.com/gpu|gpu\.intel\.com/.*|habana\.ai/gaudi|aws\.amazon\.com/neuron.*|google\.com/tpu)$`, k)
}

# Images of monitoring, tracing, logging and utility software, and of the data stores and
# message queues beside a model service: not model servers.
infra_image(c) if {
	is_string(c.image)
	regex.match(`(?i)(^|/)(prometheus|grafana|jaeger|jaegertracing|opentelemetry-collector[a-z-]*|otel|fluent-?bit|fluentd|loki|promtail|alertmanager|node-exporter|dcgm-exporter|k8s-device-plugin|busybox|alpine|redis|redis-stack|valkey|postgres|postgresql|mysql|mariadb|mongo|mongodb|etcd|memcached|rabbitmq|kafka|zookeeper|nats|minio)([/:@]|$)`, c.image)
}

some_has_ports(list) if {
	some c in list
	is_object(c)
	has_ports(c)
}

# Containers as {"path", "name", "image", "container", "pod", "init", "serving", "supplied"}.
containers contains {
	"path": array.concat(pod.path, [field, i]),
	"name": display_name(c, field, i),
	"image": object.get(c, "image", null),
	"container": c,
	"pod": pod,
	"init": field == "initContainers",
	"serving": serving_flag(pod, field, object.get(c, "name", ""), i, list),
	"supplied": supplied_by(pod, object.get(c, "name", ""), i, false),
} if {
	some pod in pod_specs
	some field in ["containers", "initContainers"]
	list := object.get(pod.spec, field, [])
	is_array(list)
	some i, c in list
	is_object(c)
}

# A container is named by its `name`; one without a name (or with an empty one) by its place,
# `containers[1]`, so that a message says which.
display_name(c, field, i) := c.name if {
	is_string(c.name)
	c.name != ""
}

display_name(c, field, i) := sprintf("%s[%d]", [field, i]) if {
	not non_empty_name(c)
}

non_empty_name(c) if {
	is_string(c.name)
	c.name != ""
}

# Head values must never be undefined: regorus drops the whole set when one is.
serving_flag(pod, field, name, i, list) if serving(pod, field, name, i, list)

default serving_flag(_, _, _, _, _) := false

# KServe shorthands (`predictor.model`…), each one container merged with its runtime.
containers contains {
	"path": array.concat(pod.path, [key]),
	"name": key,
	"image": object.get(c, "image", null),
	"container": c,
	"pod": pod,
	"init": false,
	"serving": true,
	"supplied": supplied_by(pod, key, 0, true),
} if {
	some pod in pod_specs
	pod.platform == "isvc"
	some key in isvc_shorthands
	c := pod.spec[key]
	is_object(c)
}

# The v1alpha2 form `transformer.custom.container`, still used in KServe samples.
containers contains {
	"path": array.concat(pod.path, ["custom", "container"]),
	"name": object.get(c, "name", "custom"),
	"image": object.get(c, "image", null),
	"container": c,
	"pod": pod,
	"init": false,
	"serving": true,
	"supplied": {"readinessProbe", "resources"},
} if {
	some pod in pod_specs
	pod.platform == "isvc"
	c := object.get(pod.spec, ["custom", "container"], null)
	is_object(c)
}

# docker-compose services: each service is one container (and its own "pod").
containers contains {
	"path": ["services", name],
	"name": name,
	"image": object.get(s, "image", null),
	"container": s,
	"pod": {"path": ["services", name], "spec": s, "platform": "compose"},
	"init": false,
	"serving": compose_serving_flag(name),
	"supplied": set(),
} if {
	format == "compose"
	is_object(input.services)
	some name, s in input.services
	is_object(s)
}

compose_publishes(s) if {
	some key in ["ports", "expose"]
	is_array(s[key])
	count(s[key]) > 0
}

# Head values must never be undefined: regorus drops the whole set when one is.
compose_serving_flag(name) if compose_serving(name)

default compose_serving_flag(_) := false

# A service serves traffic (DP014, DP015) when it shows it serves a model, or publishes ports,
# or when no service publishes any; as in a pod, a monitoring, tracing or utility image does
# not serve (a Prometheus and Grafana stack is not a model service).
compose_serving(name) if serves_model(input.services[name])

compose_serving(name) if {
	s := input.services[name]
	compose_publishes(s)
	not infra_image(s)
}

compose_serving(name) if {
	not some_compose_publishes
	s := input.services[name]
	is_object(s)
	not infra_image(s)
}

some_compose_publishes if {
	some s in input.services
	is_object(s)
	compose_publishes(s)
	not infra_image(s)
}

# ---------------------------------------------------------------------------------------------
# Resources and accelerators
# ---------------------------------------------------------------------------------------------

accelerator_pattern := `(?i)^(nvidia\.com/(gpu|mig-)|amd\.com/gpu|gpu\.intel\.com/|habana\.ai/|aws\.amazon\.com/neuron|google\.com/tpu|cloud-tpus\.google\.com/)`

accelerator(resource) if {
	is_string(resource)
	regex.match(accelerator_pattern, resource)
}

# A quantity that is set: a number, or a non-blank string.
quantity(x) := true if {
	is_number(x)
} else := true if {
	is_string(x)
	trim_space(x) != ""
}

# Node selection that only makes sense for accelerator workloads, as [[path, text]].
accelerator_nodes(pod) := array.concat(
	[[array.concat(pod.path, ["nodeSelector", k]), sprintf("nodeSelector `%s`", [k])] |
		is_object(pod.spec.nodeSelector)
		some k, _ in pod.spec.nodeSelector
		regex.match(`(?i)(gke-accelerator|gpu\.product|gpu\.present|gpu\.deploy|nvidia\.com/gpu|amd\.com/gpu|cloud\.google\.com/gke-tpu)`, k)
	],
	[[array.concat(pod.path, ["tolerations", i, "key"]), sprintf("toleration `%s`", [t.key])] |
		is_array(pod.spec.tolerations)
		some i, t in pod.spec.tolerations
		is_object(t)
		accelerator(t.key)
	],
)

# ---------------------------------------------------------------------------------------------
# Security context
# ---------------------------------------------------------------------------------------------

# The effective value of a security-context field of a container: the container's
# `securityContext`, else the pod's (Kubernetes semantics), as [path, value].
effective_sc(c, field) := [array.concat(c.path, ["securityContext", field]), v] if {
	v := object.get(c.container, ["securityContext", field], null)
	v != null
}

effective_sc(c, field) := [array.concat(c.pod.path, ["securityContext", field]), v] if {
	object.get(c.container, ["securityContext", field], null) == null
	v := object.get(c.pod.spec, ["securityContext", field], null)
	v != null
}

# ---------------------------------------------------------------------------------------------
# Every node of the document, for rules that look at all values (DP016, Helm values)
# ---------------------------------------------------------------------------------------------

# Every [path, value] of the document, the document itself included (`[[], input]`), in the
# order of `walk`.
nodes := [[p, v] | walk(input, [p, v])]

# String leaves as [path, value], in the order of `walk`: govlint gives them with the document
# (`data.govlint.file.strings`, built once per document); a test without that context walks.
strings := data.govlint.file.strings

strings := [[p, v] | some [p, v] in nodes; is_string(v)] if not data.govlint.file.strings

# A readable path: `spec.template.spec.containers[0].env[1].value`.
path_text(path) := trim_prefix(concat("", [_segment(s) | some s in path]), ".")

# Where a path is, for messages: "`a.b[0]`", or "the top level".
place(path) := "the top level" if count(path) == 0

place(path) := concat("", ["`", path_text(path), "`"]) if count(path) > 0

_segment(s) := sprintf("[%v]", [s]) if is_number(s)

_segment(s) := concat("", [".", s]) if is_string(s)

# ---------------------------------------------------------------------------------------------
# Helm values
# ---------------------------------------------------------------------------------------------

# Values files follow no schema, but charts share conventions: an `image:` string, an `image:`
# object with `repository`/`tag`/`digest`, or `repository` and `tag` side by side (vLLM
# production stack). Each such place is a "section" — the object that holds the image — and
# `resources`, probes and security contexts of that section sit beside it.

# Sections that a chart switch turns off: `enabled: false` on the section or an ancestor, or an
# `enableRouter: false`-style switch named after the section (`routerSpec`).
helm_disabled(path) if {
	some i in numbers.range(0, count(path))
	prefix := array.slice(path, 0, i)
	obj := object.get(input, prefix, null)
	is_object(obj)
	obj.enabled == false
}

helm_disabled(path) if {
	some i in numbers.range(1, count(path))
	prefix := array.slice(path, 0, i)
	name := prefix[i - 1]
	is_string(name)
	obj := object.get(input, prefix, null)
	is_object(obj)
	some k, v in obj
	v == false
	startswith(k, "enable")
	k != "enabled"
	what := lower(substring(k, 6, -1))
	what != ""
	contains(lower(name), what)
}

# Image references of a Helm values file: {"path" (where to point), "section" (path of the
# object holding the image), "ref" (the reference as a string), "digest" (bool)}.
helm_images contains {"path": p, "section": array.slice(p, 0, count(p) - 1), "ref": v, "digest": contains(v, "@")} if {
	format == "helm-values"
	some [p, v] in strings
	count(p) > 0
	p[count(p) - 1] == "image"
	trim_space(v) != ""
	not helm_disabled(p)
}

helm_images contains {"path": point, "section": section, "ref": ref, "digest": has_digest} if {
	format == "helm-values"
	some [p, obj] in nodes
	is_object(obj)
	count(p) > 0
	p[count(p) - 1] == "image"
	is_string(obj.repository)
	trim_space(obj.repository) != ""
	not helm_disabled(p)
	section := array.slice(p, 0, count(p) - 1)
	[point, ref, has_digest] := helm_ref(p, obj)
}

helm_images contains {"path": point, "section": p, "ref": ref, "digest": has_digest} if {
	format == "helm-values"
	some [p, obj] in nodes
	is_object(obj)
	not _under_image_key(p)
	is_string(obj.repository)
	trim_space(obj.repository) != ""
	"tag" in object.keys(obj)
	not helm_disabled(p)
	[point, ref, has_digest] := helm_ref(p, obj)
}

_under_image_key(p) if {
	count(p) > 0
	p[count(p) - 1] == "image"
}

_text(x) := x if is_string(x)

_text(x) := sprintf("%v", [x]) if is_number(x)

default _text(_) := ""

helm_ref(p, obj) := [array.concat(p, ["digest"]), concat("", [repo, tag_part, "@", _text(obj.digest)]), true] if {
	repo := _repo(obj)
	tag_part := _tag_part(obj)
	trim_space(_text(object.get(obj, "digest", ""))) != ""
}

helm_ref(p, obj) := [array.concat(p, [point]), concat("", [repo, tag_part]), contains(tag_part, "@")] if {
	repo := _repo(obj)
	tag_part := _tag_part(obj)
	trim_space(_text(object.get(obj, "digest", ""))) == ""
	point := _tag_key(obj)
}

_tag_key(obj) := "tag" if "tag" in object.keys(obj)

_tag_key(obj) := "repository" if not "tag" in object.keys(obj)

_repo(obj) := concat("/", [_text(obj.registry), obj.repository]) if trim_space(_text(object.get(obj, "registry", ""))) != ""

_repo(obj) := obj.repository if trim_space(_text(object.get(obj, "registry", ""))) == ""

_tag_part(obj) := concat("", [":", _text(obj.tag)]) if trim_space(_text(object.get(obj, "tag", ""))) != ""

_tag_part(obj) := "" if trim_space(_text(object.get(obj, "tag", ""))) == ""

# Helm sections as {"path", "section"} (the object that holds the image).
helm_sections contains {"path": img.section, "section": object.get(input, img.section, null)} if {
	some img in helm_images
	is_object(object.get(input, img.section, null))
}
