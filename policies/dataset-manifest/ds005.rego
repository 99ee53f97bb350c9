# METADATA
# title: Personal information in the data has a legal basis
# description: >-
#   A dataset manifest states whether the data contains personal information. When it does, the
#   legal basis (consent or another basis, and where the records are) is recorded; sensitive
#   personal information needs separate consent. A Hugging Face card may state it in its
#   "Personal and Sensitive Information" section, a Croissant file in
#   `rai:personalSensitiveInformation`.
# related_resources:
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 7(3)
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §5.2 (GB/T 45654-2025)
#   - ref: http://www.npc.gov.cn/npc/c30834/202108/a8c4e3672c74491a80b53a172bb753fe.shtml
#     description: Personal Information Protection Law, Art. 13, 28, 29 (separate consent for sensitive personal information)
# custom:
#   id: DS005
#   severity: error
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: personal information protection"
#     cn-genai: ["Interim Measures Art. 7(3)", "TC260-003 §5.2 (GB/T 45654-2025)"]
#   remediation: >-
#     Set `governance.personal_information.present`; when true, add `legal_basis`, and for
#     sensitive personal information `sensitive: true` with `separate_consent: true`.
#   examples:
#     pass: "governance: {personal_information: {present: true, legal_basis: consent (ToS 5.2), sensitive: false}}"
#     fail: "governance: {personal_information: {present: true}}"
#   evidence:
#     needs: >-
#       `governance.personal_information` (present, legal basis, sensitive, separate consent) or
#       a privacy section, or Croissant `rai:personalSensitiveInformation`
#   i18n:
#     zh-CN:
#       title: 处理数据中的个人信息须具备合法性基础
#       description: >-
#         数据集清单应说明数据是否包含个人信息；包含时应记录处理的合法性基础（个人同意或其他法定情形，以及同意记录的存放位置），
#         包含敏感个人信息的应取得单独同意。依据《生成式人工智能服务管理暂行办法》第七条第（三）项“涉及个人信息的，
#         应当取得个人同意或者符合法律、行政法规规定的其他情形”、《生成式人工智能服务安全基本要求》(TC260-003) 5.2
#         训练数据内容安全要求中的个人信息要求，以及《个人信息保护法》第二十九条。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于个人信息保护的要求。
#       remediation: >-
#         填写 `governance.personal_information.present`；为 true 时补充 `legal_basis`，含敏感个人信息的设置
#         `sensitive: true` 并记录 `separate_consent: true`。
#       evidence: >-
#         `governance.personal_information`（是否包含、合法性基础、
#         敏感个人信息、单独同意）或隐私章节，或 Croissant 的 `rai:personalSensitiveInformation`。
#       clauses:
#         caict-roadmap-2024: "安全可信：个人信息保护"
#       messages:
#         "the manifest does not state whether the data contains personal information (`governance.personal_information.present`)": "清单未说明数据是否包含个人信息（`governance.personal_information.present`）"
#         "the data contains personal information but no legal basis is recorded": "数据包含个人信息，但未记录处理的合法性基础"
#         "the data contains sensitive personal information but no separate consent is recorded": "数据包含敏感个人信息，但未记录单独同意"
#         "the Croissant file does not state whether the data contains personal or sensitive information (`rai:personalSensitiveInformation`)": "Croissant 文件未说明数据是否包含个人信息或敏感信息（`rai:personalSensitiveInformation`）"
package govlint.rules.ds005

import data.govlint.lib.dataset
import rego.v1

base := ["governance", "personal_information"]

pi := data.govlint.lib.dataset.gov_block("personal_information")

section := `(?i)personal|sensitive information|privacy`

deny contains {"msg": "the manifest does not state whether the data contains personal information (`governance.personal_information.present`)", "path": array.concat(base, ["present"])} if {
	not data.govlint.lib.dataset.croissant
	not is_boolean(object.get(pi, "present", null))
	not dataset.section_filled(section)
}

deny contains {"msg": "the data contains personal information but no legal basis is recorded", "path": array.concat(base, ["legal_basis"])} if {
	pi.present == true
	not legal_basis
}

deny contains {"msg": "the data contains sensitive personal information but no separate consent is recorded", "path": array.concat(base, ["separate_consent"])} if {
	pi.sensitive == true
	not pi.separate_consent == true
}

deny contains {"msg": "the Croissant file does not state whether the data contains personal or sensitive information (`rai:personalSensitiveInformation`)", "path": dataset.rai_path("personalSensitiveInformation")} if {
	data.govlint.lib.dataset.croissant
	not dataset.rai_present("personalSensitiveInformation")
}

legal_basis if {
	is_string(pi.legal_basis)
	trim_space(pi.legal_basis) != ""
}

# What the rule judges (docs/policies.md, "Evidence"): every dataset manifest, whatever its format:
# whether the data holds personal information, and its legal basis. A manifest that states none of it fails the rule.
evidence := true
