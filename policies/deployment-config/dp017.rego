# METADATA
# title: Containers run as non-root, unprivileged, off the host's namespaces
# description: >-
#   Containers must not run as root or privileged, must not allow privilege escalation or add
#   `SYS_ADMIN`/`ALL` capabilities, and pods must not share the host's network, PID or IPC
#   namespace (Kubernetes Pod Security Standards, baseline; non-root from the restricted
#   profile). Kubernetes (every workload kind, KServe, Knative, Argo Rollouts; containers and
#   init containers): pod `hostNetwork`/`hostPID`/`hostIPC`; container `securityContext`
#   `privileged`, `allowPrivilegeEscalation`, `capabilities.add`; and the effective
#   `runAsNonRoot`/`runAsUser` (the container's value, else the pod's `securityContext`). A
#   container must require a non-root user (`runAsNonRoot: true` or a non-zero `runAsUser`);
#   where the platform supplies the security context (a KServe model-format shorthand or the
#   `kserve-container` merged with its ServingRuntime; the `main` container of an
#   LLMInferenceService, whose base template sets `runAsNonRoot: true`), only explicit unsafe
#   values are reported. docker-compose: `privileged`, `network_mode`/`pid`/`ipc: host`,
#   `cap_add`, and a `user` that is set and not root. Helm values: explicit unsafe values
#   anywhere in the values (`privileged: true`, `allowPrivilegeEscalation: true`, `runAsUser: 0`,
#   `runAsNonRoot: false`, `host*: true`, added `SYS_ADMIN`/`ALL`), outside sections a chart
#   switch disables; an absent security context is not reported, since the chart's templates
#   decide.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/security/pod-security-standards/
#     description: Kubernetes Pod Security Standards (baseline and restricted profiles)
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/security-context/
#     description: Kubernetes, configure a security context for a pod or container
#   - ref: https://docs.docker.com/reference/compose-file/services/
#     description: Compose services (user, privileged, network_mode, cap_add)
# custom:
#   id: DP017
#   severity: error
#   kinds: [deployment-config]
#   layer: infrastructure
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "infrastructure: runtime security of the serving environment"
#     baseline: hygiene
#   remediation: >-
#     Set `securityContext: {runAsNonRoot: true, runAsUser: <non-zero>}` on the pod or container,
#     `allowPrivilegeEscalation: false` and `capabilities: {drop: [ALL]}` on each container;
#     remove `privileged: true` and `hostNetwork`/`hostPID`/`hostIPC`; in compose, set
#     `user: "<uid>:<gid>"` and drop `privileged` and host namespaces.
#   examples:
#     pass: "securityContext: {runAsNonRoot: true, runAsUser: 1000}\ncontainers: [{name: vllm, securityContext: {allowPrivilegeEscalation: false}}]"
#     fail: "hostNetwork: true\ncontainers: [{name: vllm, securityContext: {privileged: true}}]"
#   evidence:
#     needs: >-
#       the security context of containers and pods (user, privileged, privilege escalation,
#       capabilities, host namespaces), the same settings of compose services, and the security
#       settings of Helm values
#   i18n:
#     zh-CN:
#       title: 容器须以非 root 身份运行，禁止特权与共享宿主机命名空间
#       description: >-
#         容器不得以 root 或特权模式运行，不得允许权限提升或添加 `SYS_ADMIN`/`ALL` 能力，Pod 不得共享宿主机的
#         网络、PID 或 IPC 命名空间（Kubernetes Pod 安全标准 baseline 级；非 root 要求来自 restricted 级），
#         以落实《大模型落地路线图研究报告（2024年）》基础设施层的运行环境安全要求。容器须显式要求非 root
#         用户（`runAsNonRoot: true` 或非零 `runAsUser`，容器级优先于 Pod 级）；由平台提供安全上下文的容器
#         （KServe 模型格式简写、LLMInferenceService 的 `main` 容器）只报告显式的不安全取值。docker-compose 检查
#         `privileged`、`network_mode`/`pid`/`ipc: host`、`cap_add` 与非 root 的 `user`；Helm values 只报告显式的不安全取值。
#       remediation: >-
#         在 Pod 或容器上设置 `securityContext: {runAsNonRoot: true, runAsUser: <非零>}`，每个容器设置
#         `allowPrivilegeEscalation: false` 与 `capabilities: {drop: [ALL]}`；删除 `privileged: true` 及
#         `hostNetwork`/`hostPID`/`hostIPC`；compose 中设置 `user: "<uid>:<gid>"` 并去掉特权与宿主机命名空间。
#       evidence: >-
#         容器与 Pod 的安全上下文（运行用户、特权、提权、能力、宿主机命名空间），compose 服务的同类设置，
#         以及 Helm values 中的安全设置。
#       clauses:
#         caict-roadmap-2024: "基础设施：服务运行环境安全"
#       messages:
#         "the top level": "顶层"
#         "the pod shares the host's namespace: %s is true": "Pod 共享宿主机命名空间：%s 为 true"
#         "container `%s` is privileged (securityContext.privileged: true)": "容器 `%s` 以特权模式运行（securityContext.privileged: true）"
#         "container `%s` allows privilege escalation (securityContext.allowPrivilegeEscalation: true)": "容器 `%s` 允许权限提升（securityContext.allowPrivilegeEscalation: true）"
#         "container `%s` adds the capability `%s`": "容器 `%s` 添加了 `%s` 能力"
#         "container `%s` runs as root (runAsUser: 0)": "容器 `%s` 以 root 身份运行（runAsUser: 0）"
#         "container `%s` sets runAsNonRoot: false and no non-zero runAsUser": "容器 `%s` 设置了 runAsNonRoot: false，且未设置非零的 runAsUser"
#         "container `%s` does not require a non-root user: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser": "容器 `%s` 未要求以非 root 用户运行：容器与 Pod 均未设置 runAsNonRoot: true 或非零的 runAsUser"
#         "service `%s` is privileged": "服务 `%s` 以特权模式运行"
#         "service `%s` shares the host's namespace (%s: host)": "服务 `%s` 共享宿主机命名空间（%s: host）"
#         "service `%s` adds the capability `%s`": "服务 `%s` 添加了 `%s` 能力"
#         "service `%s` runs as root (user: %v)": "服务 `%s` 以 root 身份运行（user: %v）"
#         "service `%s` sets no `user`, so it runs as the image's user (root unless the image says otherwise)": "服务 `%s` 未设置 `user`，将以镜像指定的用户运行（镜像未另行指定时为 root）"
#         "%s sets %s: %v": "%s 设置了 %s: %v"
#         "%s adds the capability `%s`": "%s 添加了 `%s` 能力"
package govlint.rules.dp017

import data.govlint.lib.deploy
import rego.v1

host_namespaces := ["hostNetwork", "hostPID", "hostIPC"]

dangerous_capability(cap) if {
	is_string(cap)
	upper(trim_prefix(upper(cap), "CAP_")) in {"SYS_ADMIN", "ALL"}
}

# --- Kubernetes ---------------------------------------------------------------------------

k8s_containers contains c if {
	data.govlint.lib.deploy.format == "kubernetes"
	some c in data.govlint.lib.deploy.containers
}

deny contains {"msg": sprintf("the pod shares the host's namespace: %s is true", [f]), "path": array.concat(pod.path, [f])} if {
	data.govlint.lib.deploy.format == "kubernetes"
	some pod in data.govlint.lib.deploy.pod_specs
	some f in host_namespaces
	pod.spec[f] == true
}

deny contains {"msg": sprintf("container `%s` is privileged (securityContext.privileged: true)", [c.name]), "path": array.concat(c.path, ["securityContext", "privileged"])} if {
	some c in k8s_containers
	object.get(c.container, ["securityContext", "privileged"], null) == true
}

deny contains {
	"msg": sprintf("container `%s` allows privilege escalation (securityContext.allowPrivilegeEscalation: true)", [c.name]),
	"path": array.concat(c.path, ["securityContext", "allowPrivilegeEscalation"]),
} if {
	some c in k8s_containers
	object.get(c.container, ["securityContext", "allowPrivilegeEscalation"], null) == true
}

deny contains {
	"msg": sprintf("container `%s` adds the capability `%s`", [c.name, cap]),
	"path": array.concat(c.path, ["securityContext", "capabilities", "add", i]),
} if {
	some c in k8s_containers
	added := object.get(c.container, ["securityContext", "capabilities", "add"], [])
	is_array(added)
	some i, cap in added
	dangerous_capability(cap)
}

deny contains {"msg": sprintf("container `%s` runs as root (runAsUser: 0)", [c.name]), "path": p} if {
	some c in k8s_containers
	[p, v] := deploy.effective_sc(c, "runAsUser")
	v == 0
}

non_root_user(c) if {
	[_, v] := deploy.effective_sc(c, "runAsUser")
	is_number(v)
	v > 0
}

deny contains {"msg": sprintf("container `%s` sets runAsNonRoot: false and no non-zero runAsUser", [c.name]), "path": p} if {
	some c in k8s_containers
	[p, v] := deploy.effective_sc(c, "runAsNonRoot")
	v == false
	not non_root_user(c)
}

requires_non_root(c) if {
	[_, v] := deploy.effective_sc(c, "runAsNonRoot")
	v == true
}

requires_non_root(c) if non_root_user(c)

deny contains {
	"msg": sprintf("container `%s` does not require a non-root user: neither it nor the pod sets runAsNonRoot: true or a non-zero runAsUser", [c.name]),
	"path": array.concat(c.path, ["securityContext", "runAsNonRoot"]),
} if {
	some c in k8s_containers
	not "securityContext" in c.supplied
	not requires_non_root(c)
	not deploy.effective_sc(c, "runAsNonRoot")[1] == false
	not deploy.effective_sc(c, "runAsUser")[1] == 0
}

# --- docker-compose -----------------------------------------------------------------------

compose_services contains c if {
	data.govlint.lib.deploy.format == "compose"
	some c in data.govlint.lib.deploy.containers
}

deny contains {"msg": sprintf("service `%s` is privileged", [c.name]), "path": array.concat(c.path, ["privileged"])} if {
	some c in compose_services
	c.container.privileged == true
}

deny contains {"msg": sprintf("service `%s` shares the host's namespace (%s: host)", [c.name, key]), "path": array.concat(c.path, [key])} if {
	some c in compose_services
	some key in ["network_mode", "pid", "ipc", "userns_mode", "uts"]
	c.container[key] == "host"
}

deny contains {"msg": sprintf("service `%s` adds the capability `%s`", [c.name, cap]), "path": array.concat(c.path, ["cap_add", i])} if {
	some c in compose_services
	is_array(c.container.cap_add)
	some i, cap in c.container.cap_add
	dangerous_capability(cap)
}

root_user(u) if {
	is_string(u)
	lower(split(u, ":")[0]) in {"root", "0"}
}

root_user(u) if u == 0

deny contains {"msg": sprintf("service `%s` runs as root (user: %v)", [c.name, c.container.user]), "path": array.concat(c.path, ["user"])} if {
	some c in compose_services
	root_user(c.container.user)
}

deny contains {"msg": sprintf("service `%s` sets no `user`, so it runs as the image's user (root unless the image says otherwise)", [c.name]), "path": array.concat(c.path, ["user"])} if {
	some c in compose_services
	not "user" in object.keys(c.container)
}

# --- Helm values: explicit unsafe settings --------------------------------------------------

unsafe_values := {
	"privileged": true,
	"allowPrivilegeEscalation": true,
	"runAsUser": 0,
	"runAsNonRoot": false,
	"hostNetwork": true,
	"hostPID": true,
	"hostIPC": true,
}

deny contains {"msg": sprintf("%s sets %s: %v", [deploy.place(array.slice(p, 0, count(p) - 1)), key, v]), "path": p} if {
	data.govlint.lib.deploy.format == "helm-values"
	some [p, v] in data.govlint.lib.deploy.nodes
	count(p) > 0
	key := p[count(p) - 1]
	is_string(key)
	some bad_key, bad in unsafe_values
	key == bad_key
	v == bad
	type_name(v) == type_name(bad)
	not deploy.helm_disabled(p)
}

deny contains {"msg": sprintf("%s adds the capability `%s`", [deploy.place(array.slice(p, 0, count(p) - 2)), cap]), "path": p} if {
	data.govlint.lib.deploy.format == "helm-values"
	some [p, cap] in data.govlint.lib.deploy.nodes
	count(p) > 3
	p[count(p) - 2] == "add"
	p[count(p) - 3] == "capabilities"
	dangerous_capability(cap)
	not deploy.helm_disabled(p)
}

# What the rule judges (docs/policies.md, "Evidence"): the security context of containers and pods
# (Kubernetes), the compose services, and Helm values that set a security setting. A Kubernetes or
# compose document without containers is none of its business; Helm values that set none lack the
# evidence (the chart may set them).
evidence if some _ in k8s_containers

evidence if some _ in compose_services

evidence if {
	data.govlint.lib.deploy.format == "helm-values"
	some [p, _] in data.govlint.lib.deploy.nodes
	count(p) > 0
	p[count(p) - 1] in helm_security_keys
}

helm_security_keys := {"securityContext", "podSecurityContext", "containerSecurityContext", "privileged", "runAsUser", "runAsNonRoot", "allowPrivilegeEscalation", "hostNetwork", "hostPID", "hostIPC"}

no_subject contains r if {
	data.govlint.lib.deploy.format in {"kubernetes", "compose"}
	not evidence
	r := data.govlint.lib.deploy.no_containers
}

no_subject contains r if r := data.govlint.lib.deploy.manifest_no_workload
