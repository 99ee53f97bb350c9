# METADATA
# title: A public service in China serves a model with a recorded TC260-003 safety evaluation
# description: >-
#   A deployment offered to the public in mainland China (`governance.service.public: true` and
#   `CN` in `governance.service.regions` of its DeploymentManifest) serves a model whose card
#   records the generated-content safety evaluation (sample size and acceptable-answer rate,
#   MC009) and both refusal tests (should-refuse and should-not-refuse sets with sample size and
#   refusal rate, MC010). The thresholds themselves are checked by MC009 and MC010 on the card;
#   this rule checks that the served model has them at all. The regions are a parameter.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §9.3-9.4 (GB/T 45654-2025)
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 17 (security assessment before public service)
# custom:
#   id: XR004
#   severity: error
#   kinds: [deployment-config, model-card]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation before launch"
#     cn-genai: ["TC260-003 §9.3-9.4 (GB/T 45654-2025)", "Interim Measures Art. 17"]
#   params: [regions]
#   remediation: >-
#     Record the TC260-003 evaluation in the served model's card:
#     `governance.evaluation.safety.generated_content` and
#     `governance.evaluation.safety.refusal.{should_refuse, should_not_refuse}`.
#   examples:
#     pass: "card: {governance: {evaluation: {safety: {generated_content: {sample_size: 1200, acceptable_rate: 0.94}, refusal: {should_refuse: {sample_size: 400, refusal_rate: 0.97}, should_not_refuse: {sample_size: 400, refusal_rate: 0.03}}}}}}"
#     fail: "deployment: {governance: {service: {public: true, regions: [CN]}}}; card: {governance: {}}"
#   evidence:
#     needs: >-
#       `governance.service.public` and `regions` of each deployment manifest (else `public` and
#       `regions` in the repository profile) and the safety evaluation of the served model's
#       cards; a service declared not public, or not offered in the regions of `xr004.regions`,
#       is out of it
#   i18n:
#     zh-CN:
#       title: 面向境内公众的服务所用模型须记录 TC260-003 安全评估
#       description: >-
#         面向中国境内公众提供的部署（DeploymentManifest 中 `governance.service.public: true` 且 `governance.service.regions` 含
#         `CN`）所使用的模型，其模型卡应记录生成内容安全评估（抽样题量与合格率，MC009）以及应拒答、非拒答两项拒答测试（题量与拒答率，
#         MC010）。依据《生成式人工智能服务安全基本要求》(TC260-003，GB/T 45654-2025) 9.3、9.4 及《生成式人工智能服务管理暂行办法》
#         第十七条（提供具有舆论属性或者社会动员能力的服务前开展安全评估）。阈值由 MC009、MC010 在模型卡上检查，本规则检查所服务模型
#         是否具备这些记录。地区为参数。
#       remediation: >-
#         在所服务模型的模型卡中记录 TC260-003 评估结果：`governance.evaluation.safety.generated_content` 与
#         `governance.evaluation.safety.refusal.{should_refuse, should_not_refuse}`。
#       evidence: >-
#         各 DeploymentManifest 的 `governance.service.public` 与 `regions`（否则取仓库画像
#         的 `public` 与 `regions`），以及所服务模型的模型卡中的安全评估；声明不面向公众或不在 `xr004.regions` 所
#         列地区提供的服务不适用。
#       clauses:
#         caict-roadmap-2024: "安全可信：上线前安全评估"
#       messages:
#         "the public service serves `%s`, which has no model card to record the TC260-003 safety evaluation": "面向公众的服务使用的模型 `%s` 没有可记录 TC260-003 安全评估的模型卡"
#         "the public service serves `%s`, whose card records no %s": "面向公众的服务使用的模型 `%s`，其模型卡未记录 %s"
#         "the service is declared not public (%s: false)": "服务已声明不面向公众（%s: false）"
#         "the service is declared offered in %s (%s)": "服务已声明在 %s 提供（%s）"
#         "the manifest does not declare whether the service is public and where (`governance.service`)": "清单未声明服务是否面向公众及提供地区（`governance.service`）"
#         "no deployment manifest declares the service and its model": "没有 DeploymentManifest 声明该服务及其模型"
#         "the repository profile declares the services out of scope (profile.public / profile.regions)": "仓库画像声明服务不在适用范围内（profile.public / profile.regions）"
package govlint.repository.xr004

import data.govlint.lib.repository
import rego.v1

regions := {r | some r in object.get(data.govlint.params, ["xr004", "regions"], [])}

path := ["governance", "service", "regions"]

public_in_region(m) if {
	data.govlint.lib.repository.service_facts[repository.key(m)].public == true
	some r in repository.as_list(data.govlint.lib.repository.service_facts[repository.key(m)].regions)
	regions[r]
}

# The regions a service is declared in (its manifest's, else the profile's), or none.
declared_regions(m) := {r | some r in data.govlint.lib.repository.service_facts[repository.key(m)].regions; is_string(r)} if is_array(data.govlint.lib.repository.service_facts[repository.key(m)].regions)

default declared_regions(_) := set()

deny contains repository.finding(m, sprintf("the public service serves `%s`, which has no model card to record the TC260-003 safety evaluation", [repository.manifest_model_label(m)]), path) if {
	some m in data.govlint.lib.repository.manifests
	public_in_region(m)
	count(repository.manifest_cards(m)) == 0
}

deny contains repository.finding(m, sprintf("the public service serves `%s`, whose card records no %s", [repository.manifest_model_label(m), what]), path) if {
	some m in data.govlint.lib.repository.manifests
	public_in_region(m)
	keys := repository.manifest_cards(m)
	count(keys) > 0
	some what in missing(keys)
}

missing(keys) := {what |
	some [what, ok] in [
		["generated-content safety evaluation (`governance.evaluation.safety.generated_content`: sample_size, acceptable_rate)", generated(keys)],
		["should-refuse test (`governance.evaluation.safety.refusal.should_refuse`: sample_size, refusal_rate)", refusal(keys, "should_refuse")],
		["should-not-refuse test (`governance.evaluation.safety.refusal.should_not_refuse`: sample_size, refusal_rate)", refusal(keys, "should_not_refuse")],
	]
	ok == false
}

generated(keys) := true if repository.generated_content_recorded(keys)

default generated(_) := false

refusal(keys, set) := true if repository.refusal_recorded(keys, set)

default refusal(_, _) := false

# What the rule judges (docs/policies.md, "Evidence"): public services in the regions of
# `xr004.regions`. A service declared not public, or offered elsewhere (its manifest, else the
# repository profile), is out of it; one that does not say, or a serving workload no manifest
# speaks for, lacks the evidence.
evidence contains repository.subject(m) if {
	some m in data.govlint.lib.repository.manifests
	public_in_region(m)
}

not_applicable contains repository.subject_because(m, sprintf("the service is declared not public (%s: false)", [data.govlint.lib.repository.fact_sources[repository.key(m)].public])) if {
	some m in data.govlint.lib.repository.manifests
	data.govlint.lib.repository.service_facts[repository.key(m)].public == false
}

not_applicable contains repository.subject_because(m, sprintf("the service is declared offered in %s (%s)", [concat(", ", sort(declared_regions(m))), data.govlint.lib.repository.fact_sources[repository.key(m)].regions])) if {
	some m in data.govlint.lib.repository.manifests
	not data.govlint.lib.repository.service_facts[repository.key(m)].public == false
	count(declared_regions(m)) > 0
	count(declared_regions(m) & regions) == 0
}

no_evidence contains repository.subject_because(m, "the manifest does not declare whether the service is public and where (`governance.service`)") if {
	some m in data.govlint.lib.repository.manifests
	not public_in_region(m)
	not data.govlint.lib.repository.service_facts[repository.key(m)].public == false
	count(declared_regions(m) & regions) > 0
}

no_evidence contains repository.subject_because(m, "the manifest does not declare whether the service is public and where (`governance.service`)") if {
	some m in data.govlint.lib.repository.manifests
	not data.govlint.lib.repository.service_facts[repository.key(m)].public == false
	count(declared_regions(m)) == 0
}

no_evidence contains repository.subject_because(u, "no deployment manifest declares the service and its model") if {
	some u in data.govlint.lib.repository.ungoverned
	not profile_excludes
}

not_applicable contains repository.subject_because(u, "the repository profile declares the services out of scope (profile.public / profile.regions)") if {
	some u in data.govlint.lib.repository.ungoverned
	profile_excludes
}

profile_excludes if data.govlint.lib.core.profile.public == false

profile_excludes if {
	is_array(data.govlint.lib.core.profile.regions)
	count({r | some r in data.govlint.lib.core.profile.regions} & regions) == 0
}
