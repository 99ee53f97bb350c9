# METADATA
# title: A commercial service does not serve a model whose license forbids commercial use
# description: >-
#   A deployment offered commercially (`governance.service.commercial: true` in its
#   DeploymentManifest) serves only models whose license allows commercial use. The model's
#   cards are found by the served model's name or card path; their licenses are read from the
#   Hugging Face `license` / `license_name`, the native manifest and CycloneDX `licenses`. A
#   non-commercial license (Creative Commons NC, research-only licenses…) fails; a license that
#   allows commercial use only under conditions (Llama community licenses, Tongyi Qianwen…), a
#   `license: other` or no license at all needs `governance.commercial_use_allowed: true` in the
#   card; `commercial_use_allowed: false` fails. Both lists are parameters.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/repositories-licenses
#   - ref: https://creativecommons.org/licenses/by-nc/4.0/
#     description: Creative Commons Attribution-NonCommercial 4.0
#   - ref: https://ai.meta.com/llama/license/
#     description: Llama 2 Community License, section 2 (additional commercial terms)
# custom:
#   id: XR002
#   severity: error
#   kinds: [deployment-config, model-card]
#   layer: application-services
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "application services: compliance of the deployed service (model licensing)"
#     cn-genai: "Interim Measures Art. 7(1)-(2) (lawful models, intellectual property)"
#   params: [noncommercial_licenses, conditional_licenses]
#   remediation: >-
#     Serve a model whose license allows commercial use, obtain a commercial license and record
#     `governance.commercial_use_allowed: true` in its card, or mark the service non-commercial.
#   examples:
#     pass: "model card: {license: apache-2.0}; deployment: {governance: {service: {commercial: true}}}"
#     fail: "model card: {license: cc-by-nc-4.0}; deployment: {governance: {service: {commercial: true}}}"
#   evidence:
#     needs: >-
#       `governance.service.commercial` of each deployment manifest (else `commercial` in the
#       repository profile) and the license or `commercial_use_allowed` of the served model's
#       cards; a service declared non-commercial is out of it
#   i18n:
#     zh-CN:
#       title: 商业服务不得使用禁止商用许可的模型
#       description: >-
#         商业化提供的部署（DeploymentManifest 中 `governance.service.commercial: true`）只能使用许可协议允许商用的模型。按所服务
#         模型的名称或模型卡路径找到其模型卡，读取 Hugging Face `license` / `license_name`、原生清单及 CycloneDX `licenses`：
#         非商用许可（CC BY-NC、仅限研究的许可等）不通过；附条件商用的许可（Llama 社区许可、通义千问许可协议等）、`license: other`
#         或未声明许可的，需在模型卡中以 `governance.commercial_use_allowed: true` 确认；`commercial_use_allowed: false` 不通过。
#         依据《生成式人工智能服务管理暂行办法》第七条第（一）（二）项“使用具有合法来源的数据和基础模型”“不得侵害他人依法享有的知识产权”，
#         对应《大模型落地路线图研究报告（2024年）》应用服务层的合规要求。两份许可清单均为参数。
#       remediation: >-
#         改用允许商用的模型；或取得商业授权并在模型卡中记录 `governance.commercial_use_allowed: true`；或将服务标记为非商用。
#       evidence: >-
#         各 DeploymentManifest 的 `governance.service.commercial`（否则取仓库画像的
#         `commercial`），以及所服务模型的模型卡中的许可证或 `commercial_use_allowed`；
#         声明非商业的服务不适用。
#       clauses:
#         caict-roadmap-2024: "应用服务：已部署服务的合规（模型许可）"
#       messages:
#         "declares `license: %s` without naming terms that allow commercial use": "声明了 `license: %s`，但未注明允许商用的条款"
#         "the commercial service serves `%s`, whose model card says commercial use is not allowed (`commercial_use_allowed: false`)": "商业服务使用的模型 `%s` 的模型卡声明不允许商用（`commercial_use_allowed: false`）"
#         "the commercial service serves `%s` under the non-commercial license `%s`": "商业服务使用的模型 `%s` 采用非商用许可 `%s`"
#         "the commercial service serves `%s` under `%s`, which allows commercial use only under conditions: confirm them with `governance.commercial_use_allowed: true` in the model card": "商业服务使用的模型 `%s` 采用 `%s`，该许可仅在满足条件时允许商用：请在模型卡中以 `governance.commercial_use_allowed: true` 确认已满足"
#         "the commercial service serves `%s`, whose card %s: record `governance.commercial_use_allowed` in the model card": "商业服务使用的模型 `%s`，其模型卡 %s：请在模型卡中记录 `governance.commercial_use_allowed`"
#         "the service is declared not commercial (%s: false)": "服务已声明非商业（%s: false）"
#         "the manifest does not declare whether the service is commercial (`governance.service.commercial`)": "清单未声明服务是否商业（`governance.service.commercial`）"
#         "no model card of the served model is in the repository": "仓库中没有所服务模型的模型卡"
#         "no deployment manifest declares the service": "没有 DeploymentManifest 声明该服务"
#         "the repository profile declares the services not commercial (profile.commercial: false)": "仓库画像声明服务为非商业（profile.commercial: false）"
package govlint.repository.xr002

import data.govlint.lib.repository
import rego.v1

params := object.get(data.govlint.params, "xr002", {})

noncommercial := [lower(p) | some p in object.get(params, "noncommercial_licenses", [])]

conditional := [lower(p) | some p in object.get(params, "conditional_licenses", [])]

listed(l, patterns) if {
	some p in patterns
	endswith(p, "*")
	startswith(l, trim_suffix(p, "*"))
}

listed(l, patterns) if l in patterns

path := ["governance", "service", "commercial"]

# Commercial deployments and the card keys of the models they serve.
served contains [m, keys] if {
	some m in data.govlint.lib.repository.manifests
	data.govlint.lib.repository.service_facts[repository.key(m)].commercial == true
	keys := repository.manifest_cards(m)
	count(keys) > 0
}

model(m) := repository.manifest_model_label(m)

deny contains repository.finding(m, sprintf("the commercial service serves `%s`, whose model card says commercial use is not allowed (`commercial_use_allowed: false`)", [model(m)]), path) if {
	some [m, keys] in served
	false in repository.commercial_use(keys)
}

deny contains repository.finding(m, sprintf("the commercial service serves `%s` under the non-commercial license `%s`", [model(m), l]), path) if {
	some [m, keys] in served
	not false in repository.commercial_use(keys)
	not true in repository.commercial_use(keys)
	some l in repository.licenses(keys)
	listed(l, noncommercial)
}

deny contains repository.finding(m, sprintf("the commercial service serves `%s` under `%s`, which allows commercial use only under conditions: confirm them with `governance.commercial_use_allowed: true` in the model card", [model(m), l]), path) if {
	some [m, keys] in served
	count(repository.commercial_use(keys)) == 0
	some l in repository.licenses(keys)
	listed(l, conditional)
	not listed(l, noncommercial)
}

deny contains repository.finding(m, sprintf("the commercial service serves `%s`, whose card %s: record `governance.commercial_use_allowed` in the model card", [model(m), why]), path) if {
	some [m, keys] in served
	count(repository.commercial_use(keys)) == 0
	ls := repository.licenses(keys)
	count([l | some l in ls; listed(l, array.concat(noncommercial, conditional))]) == 0
	why := unclear(ls)
}

unclear(ls) := "declares no license" if count(ls) == 0

unclear(ls) := sprintf("declares `license: %s` without naming terms that allow commercial use", [concat(", ", sort(ls))]) if {
	count(ls) > 0
	count(ls - {"other", "unknown"}) == 0
}

unclear(ls) := "declares `license: other`" if {
	"other" in ls
	count(ls - {"other", "unknown"}) > 0
}

# What the rule judges (docs/policies.md, "Evidence"): commercial services whose model has a card.
# A service declared non-commercial (its manifest, else the repository profile) is out of it; one
# that does not say, or whose model has no card, or a serving workload no manifest speaks for,
# lacks the evidence.
evidence contains repository.subject(m) if some [m, _] in served

not_applicable contains repository.subject_because(m, sprintf("the service is declared not commercial (%s: false)", [data.govlint.lib.repository.fact_sources[repository.key(m)].commercial])) if {
	some m in data.govlint.lib.repository.manifests
	data.govlint.lib.repository.service_facts[repository.key(m)].commercial == false
}

no_evidence contains repository.subject_because(m, "the manifest does not declare whether the service is commercial (`governance.service.commercial`)") if {
	some m in data.govlint.lib.repository.manifests
	not is_boolean(data.govlint.lib.repository.service_facts[repository.key(m)].commercial)
}

no_evidence contains repository.subject_because(m, "no model card of the served model is in the repository") if {
	some m in data.govlint.lib.repository.manifests
	data.govlint.lib.repository.service_facts[repository.key(m)].commercial == true
	count(repository.manifest_cards(m)) == 0
}

no_evidence contains repository.subject_because(u, "no deployment manifest declares the service") if {
	some u in data.govlint.lib.repository.ungoverned
	not data.govlint.lib.core.profile.commercial == false
}

not_applicable contains repository.subject_because(u, "the repository profile declares the services not commercial (profile.commercial: false)") if {
	some u in data.govlint.lib.repository.ungoverned
	data.govlint.lib.core.profile.commercial == false
}
