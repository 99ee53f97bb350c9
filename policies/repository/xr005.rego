# METADATA
# title: Models trained on personal information mitigate it, and their services filter it
# description: >-
#   When a dataset declares personal information (`governance.personal_information.present:
#   true`), every model card that names the dataset (Hugging Face `datasets`, or
#   `governance.training_data.datasets[].name`) records how the personal information was
#   mitigated (`governance.personal_information_mitigation`, in any card of the model), and every
#   deployment manifest serving such a model enables output filtering of personal information
#   (`governance.content_safety.output_personal_information_filter: true`).
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, MP-4.1-001 and MP-4.1-009 (personal information in training data and outputs) and the Data Privacy risk
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §5.2 (personal information in the corpus)
# custom:
#   id: XR005
#   severity: warning
#   kinds: [dataset-manifest, model-card, deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: personal information protection across data, model and service"
#     nist-ai-600-1: "MP-4.1-001; MP-4.1-009"
#     cn-genai: ["Interim Measures Art. 4(4) (personal information rights of others)", "TC260-003 §5.2 (GB/T 45654-2025)"]
#   remediation: >-
#     Record `governance.personal_information_mitigation` (redaction, de-identification,
#     memorisation tests) in the model card, and set
#     `governance.content_safety.output_personal_information_filter: true` in the deployment
#     manifest.
#   examples:
#     pass: "card: {governance: {personal_information_mitigation: Names redacted; memorisation probe}}"
#     fail: "dataset: {governance: {personal_information: {present: true}}}; card: {datasets: [that-dataset]}"
#   evidence:
#     needs: >-
#       `governance.personal_information.present` of each dataset manifest, the
#       `personal_information_mitigation` of the cards of models trained on data with personal
#       information, and the `content_safety.output_personal_information_filter` of the services
#       that serve them; a dataset declared free of personal information is out of it
#   i18n:
#     zh-CN:
#       title: 使用含个人信息的数据训练的模型须记录缓解措施，其服务须过滤输出中的个人信息
#       description: >-
#         数据集声明包含个人信息（`governance.personal_information.present: true`）时，引用该数据集的每个模型卡（Hugging Face
#         `datasets` 或 `governance.training_data.datasets[].name`）应记录个人信息缓解措施（`governance.personal_information_mitigation`，
#         同一模型的任一卡片均可），服务该模型的每个部署清单应开启输出个人信息过滤
#         （`governance.content_safety.output_personal_information_filter: true`）。依据 NIST AI 600-1 MP-4.1-001 与 MP-4.1-009、
#         《生成式人工智能服务安全基本要求》(TC260-003) 5.2 及《生成式人工智能服务管理暂行办法》第四条第（四）项“不得侵害他人……隐私权和个人信息权益”，对应
#         《大模型落地路线图研究报告（2024年）》安全可信层的个人信息保护要求。
#       remediation: >-
#         在模型卡中记录 `governance.personal_information_mitigation`（脱敏、去标识化、记忆测试等），并在部署清单中设置
#         `governance.content_safety.output_personal_information_filter: true`。
#       evidence: >-
#         各数据集清单的 `governance.personal_information.present`，
#         以含个人信息数据训练的模型的模型卡中的 `personal_information_mitigation`，
#         以及提供这些模型的服务的 `content_safety.output_personal_information_filter`；
#         声明不含个人信息的数据集不适用。
#       clauses:
#         caict-roadmap-2024: "安全可信：数据、模型与服务全链路个人信息保护"
#       messages:
#         "the model is trained on personal information (%s) but no card of the model records a mitigation (`governance.personal_information_mitigation`)": "该模型使用含个人信息的数据（%s）训练，但其模型卡均未记录缓解措施（`governance.personal_information_mitigation`）"
#         "the deployment serves `%s`, trained on data with personal information, without output filtering of personal information": "部署所服务的 `%s` 使用含个人信息的数据训练，但未对输出进行个人信息过滤"
#         "the dataset declares no personal information (`personal_information.present: false`)": "数据集声明不含个人信息（`personal_information.present: false`）"
#         "the dataset does not declare whether it holds personal information (`governance.personal_information.present`)": "数据集未声明是否包含个人信息（`governance.personal_information.present`）"
package govlint.repository.xr005

import data.govlint.lib.dataset
import data.govlint.lib.repository
import rego.v1

pi_datasets := [a | some a in data.govlint.lib.repository.datasets; a.personal_information == true]

# Cards that name a dataset with personal information, with the dataset references.
trained_on_pi contains [c, ref] if {
	some c in data.govlint.lib.repository.cards
	some [ref, _] in repository.dataset_refs(c)
	some form in dataset.ref_forms(ref)
	pi_names[form]
}

# Names of the datasets with personal information, looked up per reference (as
# `dataset.names_manifest(ref, d)` for some d in `pi_datasets`).
pi_names := repository.dataset_names(pi_datasets)

pi_cards := {repository.key(c) | some [c, _] in trained_on_pi}

# The references to datasets with personal information, by the key of the card that makes them.
pi_refs_by_key[k] contains ref if {
	some [c, ref] in trained_on_pi
	k := repository.key(c)
}

deny contains {
	"msg": sprintf("the model is trained on personal information (%s) but no card of the model records a mitigation (`governance.personal_information_mitigation`)", [concat(", ", sort(refs))]),
	"file": c.path,
	"index": object.get(c, "index", 0),
	"path": ["governance", "personal_information_mitigation"],
} if {
	some c in data.govlint.lib.repository.cards
	pi_cards[repository.key(c)]
	refs := {sprintf("`%s`", [ref]) | some ref in pi_refs_by_key[repository.key(c)]}
	count(refs) > 0
	repository.representative(c, pi_cards)
	not repository.pi_mitigation_recorded(repository.group({repository.key(c)}))
}

deny contains repository.finding(m, sprintf("the deployment serves `%s`, trained on data with personal information, without output filtering of personal information", [repository.manifest_model_label(m)]), ["governance", "content_safety", "output_personal_information_filter"]) if {
	count(pi_cards) > 0
	some m in data.govlint.lib.repository.manifests
	not object.get(repository.gov(m.document), ["content_safety", "output_personal_information_filter"], false) == true
	keys := repository.group(repository.manifest_cards(m))
	count(keys & pi_cards) > 0
}

# What the rule judges (docs/policies.md, "Evidence"): datasets with personal information, the
# cards of models trained on them and the services that serve those models. A dataset declared
# free of personal information is out of it; one that does not say lacks the evidence.
evidence contains repository.subject(d) if some d in pi_datasets

evidence contains repository.subject(c) if some [c, _] in trained_on_pi

evidence contains repository.subject(m) if {
	count(pi_cards) > 0
	some m in data.govlint.lib.repository.manifests
	count(repository.group(repository.manifest_cards(m)) & pi_cards) > 0
}

not_applicable contains repository.subject_because(d, "the dataset declares no personal information (`personal_information.present: false`)") if {
	some d in data.govlint.lib.repository.datasets
	d.no_personal_information == true
}

no_evidence contains repository.subject_because(d, "the dataset does not declare whether it holds personal information (`governance.personal_information.present`)") if {
	some d in data.govlint.lib.repository.datasets
	not d.personal_information == true
	not d.no_personal_information == true
}
