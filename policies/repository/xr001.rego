# METADATA
# title: Deployments serve a model whose card is in the repository, at a pinned revision
# description: >-
#   Every deployment names the model it serves, a model card for it exists in the repository,
#   and the revision served is pinned. The model is read from a native `DeploymentManifest`
#   (`governance.model`: name, revision, card path) or, for workloads no manifest speaks for,
#   from the workload itself: KServe `storageUri` (`hf://org/name:<revision>`),
#   `LLMInferenceService` `spec.model`, server arguments (`--model`, `--model-id`, `vllm serve`,
#   `--served-model-name`, `--revision`), `MODEL_ID`-style environment (also from ConfigMaps of
#   the same file), production-stack `modelURL`/`modelRevision`. A card matches by its
#   `metadata.name`, `governance.model_id`, `model-index` name, CycloneDX component name or purl,
#   or its directory. Hub references need a pinned revision; local paths and storage URIs are
#   matched by their last meaningful segment.
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: CAICT, Large Model Deployment Roadmap Research Report (2024), model asset management
#   - ref: https://kserve.github.io/website/docs/model-serving/storage/providers/hf
#     description: KServe, hf:// storage URIs with an optional revision
#   - ref: https://docs.vllm.ai/en/latest/cli/serve.html
#     description: vLLM serve arguments (--model, --revision, --served-model-name)
# custom:
#   id: XR001
#   severity: error
#   kinds: [deployment-config, model-card]
#   layer: algorithm-models
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "algorithm models: model asset management (deployed models traceable to their cards)"
#     nist-ai-600-1: "GV-1.6 (inventory of AI systems)"
#   params: [unpinned_revisions]
#   remediation: >-
#     Add a model card for the served model (or correct the reference), and pin the revision:
#     `governance.model.revision` in the DeploymentManifest, `hf://org/name:<commit>` in KServe,
#     `--revision <commit>` for vLLM, `modelRevision` in production-stack values.
#   examples:
#     pass: "governance: {model: {name: acme-chat-7b, revision: '1.2.0', card: models/acme-chat-7b/model-card.yaml}}"
#     fail: "storageUri: hf://meta-llama/Llama-2-7b-chat-hf  # no card, no revision"
#   evidence:
#     needs: >-
#       the model each deployment manifest names (`governance.model`: name or card, revision)
#       and, for serving workloads no manifest speaks for, the model their arguments, environment
#       or KServe fields serve; model cards have nothing to judge
#   i18n:
#     zh-CN:
#       title: 部署所服务的模型须在仓库中有模型卡并锁定版本
#       description: >-
#         每个部署都应明确所服务的模型，仓库中应有该模型的模型卡，且所服务的版本已锁定。模型取自原生 DeploymentManifest 的
#         `governance.model`（名称、版本、模型卡路径）；没有清单覆盖的工作负载则从其自身读取：KServe `storageUri`
#         （`hf://org/name:<revision>`）、LLMInferenceService `spec.model`、推理服务参数（`--model`、`--model-id`、`vllm serve`、
#         `--served-model-name`、`--revision`）、`MODEL_ID` 等环境变量（含同文件 ConfigMap）、production-stack 的
#         `modelURL`/`modelRevision`。依据《大模型落地路线图研究报告（2024年）》算法模型层的模型资产管理要求：上线模型应可追溯到
#         其模型卡与确定版本。
#         亦对应 NIST AI 600-1 GV-1.6（建立并维护人工智能系统清单）。
#       remediation: >-
#         为所服务的模型补充模型卡（或更正引用），并锁定版本：DeploymentManifest 填写 `governance.model.revision`，KServe 使用
#         `hf://org/name:<commit>`，vLLM 使用 `--revision <commit>`，production-stack 填写 `modelRevision`。
#       evidence: >-
#         各 DeploymentManifest 指明的模型（`governance.model`：名称或模型卡、
#         版本），以及无清单对应的服务工作负载通过参数、环境变量或 KServe 字段所提供的模型；
#         模型卡本身无需判断。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型资产管理（已部署模型可追溯至模型卡）"
#       messages:
#         "the deployment manifest does not name the model it serves (`governance.model`), and none of its targets names one": "部署清单未指明所服务的模型（`governance.model`），其部署目标也均未指明"
#         "the model card `%s` named by `governance.model.card` is not in the repository": "`governance.model.card` 指向的模型卡 `%s` 不在仓库中"
#         "no model card in the repository describes the served model `%s`": "仓库中没有描述所服务模型 `%s` 的模型卡"
#         "the deployment does not pin the revision of `%s` it serves (`governance.model.revision`)": "部署未锁定所服务模型 `%s` 的版本（`governance.model.revision`）"
#         "the served revision `%s` is a moving branch or tag, not a pinned revision": "所服务的版本 `%s` 是可移动的分支或标签，不是锁定的版本"
#         "%s `%s` does not say which model it serves": "%s `%s` 未说明所服务的模型"
#         "%s `%s` serves `%s`, which no model card in the repository describes": "%s `%s` 服务的 `%s` 在仓库中没有对应的模型卡"
#         "%s `%s` serves `%s`, which does not say which model it is: name it (`--served-model-name`) or add a DeploymentManifest with `governance.model`": "%s `%s` 服务的 `%s` 未表明是哪个模型：请为其命名（`--served-model-name`），或添加含 `governance.model` 的 DeploymentManifest"
#         "%s `%s` serves Hub model `%s` without a pinned revision": "%s `%s` 服务的 Hub 模型 `%s` 未锁定版本"
#         "%s `%s` serves `%s`, a template or a variable: which model it is cannot be told from the repository": "%s `%s` 服务的 `%s` 是模板或变量：无法从仓库判断是哪个模型"
#         "%s `%s` serves Hub model `%s` without a pinned revision, and no model card in the repository describes it": "%s `%s` 服务的 Hub 模型 `%s` 未锁定版本，且仓库中没有对应的模型卡"
package govlint.repository.xr001

import data.govlint.lib.repository
import rego.v1

unpinned := {lower(r) | some r in object.get(data.govlint.params, ["xr001", "unpinned_revisions"], [])}

pinned(rev) if {
	is_string(rev)
	trim_space(rev) != ""
	not unpinned[lower(trim_space(rev))]
}

# ---------------------------------------------------------------------------------------------
# Deployment manifests

deny contains repository.finding(m, "the deployment manifest does not name the model it serves (`governance.model`), and none of its targets names one", ["governance", "model"]) if {
	some m in data.govlint.lib.repository.manifests
	not repository.names_model(m)
	count({u | some u in repository.manifest_units(m); count(array.concat(u.sources, u.names)) > 0}) == 0
}

deny contains repository.finding(m, sprintf("the model card `%s` named by `governance.model.card` is not in the repository", [model.card]), ["governance", "model", "card"]) if {
	some m in data.govlint.lib.repository.manifests
	model := repository.manifest_model(m)
	is_string(model.card)
	count(repository.path_keys(model.card)) == 0
}

deny contains repository.finding(m, sprintf("no model card in the repository describes the served model `%s`", [model.name]), ["governance", "model", "name"]) if {
	some m in data.govlint.lib.repository.manifests
	model := repository.manifest_model(m)
	is_string(model.name)
	not is_string(model.card)
	count(repository.cards_named(model.name)) == 0
}

deny contains repository.finding(m, sprintf("the deployment does not pin the revision of `%s` it serves (`governance.model.revision`)", [repository.manifest_model_label(m)]), ["governance", "model", "revision"]) if {
	some m in data.govlint.lib.repository.manifests
	repository.names_model(m)
	not is_string(repository.manifest_model(m).revision)
}

deny contains repository.finding(m, sprintf("the served revision `%s` is a moving branch or tag, not a pinned revision", [rev]), ["governance", "model", "revision"]) if {
	some m in data.govlint.lib.repository.manifests
	rev := repository.manifest_model(m).revision
	is_string(rev)
	not pinned(rev)
}

# ---------------------------------------------------------------------------------------------
# Workloads no manifest speaks for

workloads := {u | some u in data.govlint.lib.repository.units; not repository.governed(u)}

finding(u, msg, path) := {"msg": msg, "file": u.file, "index": u.index, "path": path}

deny contains finding(u, sprintf("%s `%s` does not say which model it serves", [u.kind, u.name]), u.base) if {
	some u in workloads
	u.serving
	count(array.concat(u.sources, u.names)) == 0
}

# Served references, most telling first: Hub ids, paths that name a model, served names, then
# paths that name none (`/mnt/models`). Templates and unresolved variables are left out.
ranked(u) := array.concat(
	array.concat(
		[r | some r in u.sources; is_string(r[0]); repository.ref_kind(r[0]) == "hub"],
		[r | some r in u.sources; is_string(r[0]); repository.ref_kind(r[0]) == "path"; repository.path_model(r[0]) != ""],
	),
	array.concat(
		[r | some r in u.names; is_string(r[0]); repository.ref_kind(r[0]) != "unknown"],
		[r | some r in u.sources; is_string(r[0]); repository.ref_kind(r[0]) == "path"; repository.path_model(r[0]) == ""],
	),
)

deny contains finding(u, msg, ref[1]) if {
	some u in workloads
	refs := ranked(u)
	count(refs) > 0
	count(repository.unit_cards(u)) == 0
	ref := refs[0]
	msg := no_card_message(u, ref[0])
}

no_card_message(u, v) := sprintf("%s `%s` serves `%s`, which no model card in the repository describes", [u.kind, u.name, v]) if {
	count(repository.match_names(v)) > 0
	not unpinned_hub(u, v)
}

# One reference, two faults: one finding that says both.
no_card_message(u, v) := sprintf("%s `%s` serves Hub model `%s` without a pinned revision, and no model card in the repository describes it", [u.kind, u.name, v]) if {
	count(repository.match_names(v)) > 0
	unpinned_hub(u, v)
}

unpinned_hub(u, v) if {
	is_string(v)
	repository.ref_kind(v) == "hub"
	not pinned(repository.ref_revision(v))
	count([r | some [r, _] in u.revisions; pinned(r)]) == 0
}

# The reference the card finding is about, when it reports one (its pin is said there).
card_ref(u) := ranked(u)[0][0] if count(repository.unit_cards(u)) == 0

no_card_message(u, v) := sprintf("%s `%s` serves `%s`, which does not say which model it is: name it (`--served-model-name`) or add a DeploymentManifest with `governance.model`", [u.kind, u.name, v]) if {
	count(repository.match_names(v)) == 0
}

deny contains finding(u, sprintf("%s `%s` serves Hub model `%s` without a pinned revision", [u.kind, u.name, v]), p) if {
	some u in workloads
	some [v, p] in u.sources
	is_string(v)
	unpinned_hub(u, v)
	not card_ref(u) == v
}

# What the rule judges (docs/policies.md, "Evidence"): every deployment manifest, and every
# workload no manifest speaks for whose model a card in the repository describes. A workload
# that serves only a template or a variable (`s3://${bucket}/…`, `{{ .Values.model }}`) is not
# reported, as nothing tells which model it is; but nothing traces it to a card either, so its
# evidence is missing. The artifacts the rule does not name are none of its business.
evidence contains repository.subject(m) if some m in data.govlint.lib.repository.manifests

evidence contains repository.subject(u) if {
	some u in workloads
	count(repository.unit_cards(u)) > 0
}

no_evidence contains repository.subject_because(u, sprintf("%s `%s` serves `%s`, a template or a variable: which model it is cannot be told from the repository", [u.kind, u.name, refs[0]])) if {
	some u in workloads
	count(repository.unit_cards(u)) == 0
	count(ranked(u)) == 0
	refs := [v | some [v, _] in array.concat(u.sources, u.names); is_string(v)]
	count(refs) > 0
}
