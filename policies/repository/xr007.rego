# METADATA
# title: A public service in China has a safety keyword library and safety test-question banks
# description: >-
#   A generative AI service offered to the public in mainland China (its DeploymentManifest's
#   `service`, else the repository profile: public, regions with `CN`) is filed with a keyword
#   interception list (关键词拦截列表) and an evaluation test-question set (评估测试题集), built to
#   TC260-003 §8.1-8.3. The repository records them in dataset manifests: one with
#   `governance.keyword_library`, one with `governance.test_banks` (they may be the same). The
#   library or banks themselves may be kept elsewhere; the manifest records their size, risk
#   coverage and update cadence, which DS014 and DS015 judge. Without either, nothing shows the
#   filing pack has them. The regions are the parameter of XR004.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §8.1 (keyword library), §8.2-8.3 (test-question banks), §9 (their use in the security assessment); GB/T 45654-2025, the corresponding clauses
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 17 (security assessment and filing of a public service)
# custom:
#   id: XR007
#   severity: error
#   kinds: [deployment-config, dataset-manifest]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: content security measures and safety evaluation before launch"
#     cn-genai: ["TC260-003 §8.1-8.3, §9 (GB/T 45654-2025)", "Interim Measures Art. 17; the filing pack's keyword list and evaluation test set"]
#   secondary_source: >-
#     That the filing pack includes a keyword interception list and an evaluation test-question
#     set comes from secondary accounts of the CAC filing procedure; the clause numbers of
#     TC260-003 are primary (its table of contents), their content secondary.
#   remediation: >-
#     Record the safety keyword library (`governance.keyword_library`) and the test-question banks
#     (`governance.test_banks`) in dataset manifests of the repository, or declare the service not
#     public or not offered in China.
#   examples:
#     pass: "dataset: {governance: {keyword_library: {entries: 12500}, test_banks: {generated_content: {questions: 2400}}}}; deployment: {governance: {service: {public: true, regions: [CN]}}}"
#     fail: "deployment: {governance: {service: {public: true, regions: [CN]}}} and no dataset manifest with keyword_library or test_banks"
#   evidence:
#     needs: >-
#       `governance.service.public` and `regions` of each deployment manifest (else the repository
#       profile's) and the dataset manifests that record `keyword_library` and `test_banks`; a
#       service declared not public, or not offered in China, is out of it
#   i18n:
#     zh-CN:
#       title: 面向境内公众的服务须具备安全关键词库与安全测试题库
#       description: >-
#         面向中国境内公众提供的生成式人工智能服务（DeploymentManifest 的 `service`，否则仓库画像：面向公众且地区含 `CN`），
#         备案材料包括按《生成式人工智能服务安全基本要求》(TC260-003) 8.1-8.3 建设的关键词拦截列表与评估测试题集。仓库应以数据集清单
#         记录它们：一份含 `governance.keyword_library`，一份含 `governance.test_banks`（可为同一份）。词库与题库本身可存放在别处，
#         清单记录其规模、风险覆盖与更新频率，由 DS014、DS015 判断。两者缺一，即无法说明备案材料具备它们。地区取 XR004 的参数。
#         依据 TC260-003 第 8.1-8.3 条及第 9 章（GB/T 45654-2025 相应条款）、《生成式人工智能服务管理暂行办法》第十七条，对应
#         《大模型落地路线图研究报告（2024年）》安全可信层关于内容安全措施与上线前安全评估的要求。
#       remediation: >-
#         在仓库的数据集清单中记录安全关键词库（`governance.keyword_library`）与测试题库（`governance.test_banks`）；若服务不面向
#         境内公众，请声明之。
#       evidence: >-
#         各 DeploymentManifest 的 `governance.service.public` 与 `regions`（否则取仓库画像），以及记录 `keyword_library`、
#         `test_banks` 的数据集清单；声明不面向公众或不在境内提供的服务不适用。
#       clauses:
#         caict-roadmap-2024: "安全可信：内容安全措施与上线前安全评估"
#       messages:
#         "the service is offered to the public in China, but no dataset manifest records a safety keyword library (`governance.keyword_library`, TC260-003 §8.1)": "服务面向中国境内公众提供，但没有数据集清单记录安全关键词库（`governance.keyword_library`，TC260-003 第 8.1 条）"
#         "the service is offered to the public in China, but no dataset manifest records the safety test-question banks (`governance.test_banks`, TC260-003 §8.2-8.3)": "服务面向中国境内公众提供，但没有数据集清单记录安全测试题库（`governance.test_banks`，TC260-003 第 8.2-8.3 条）"
#         "the service is declared not public (%s: false)": "服务已声明不面向公众（%s: false）"
#         "the service is declared offered in %s (%s)": "服务已声明在 %s 提供（%s）"
#         "the manifest does not declare whether the service is public and where (`governance.service`)": "清单未声明服务是否面向公众及提供地区（`governance.service`）"
package govlint.repository.xr007

import data.govlint.lib.repository
import rego.v1

regions := {r | some r in object.get(data.govlint.params, ["xr004", "regions"], [])}

path := ["governance", "service", "regions"]

facts(m) := data.govlint.lib.repository.service_facts[repository.key(m)]

public_in_region(m) if {
	facts(m).public == true
	some r in repository.as_list(facts(m).regions)
	regions[r]
}

declared_regions(m) := {r | some r in facts(m).regions; is_string(r)} if is_array(facts(m).regions)

default declared_regions(_) := set()

# What a dataset manifest records for the filing pack (the summaries' flags).
record_fields := ["keyword_library", "test_banks"]

records_of(d) := {what | some what in record_fields; object.get(d, what, false) == true}

# The records the dataset manifests hold, gathered once (not once per service: a repository of
# many services and datasets would otherwise pay for every pair).
records contains what if {
	some d in data.govlint.lib.repository.datasets
	some what in records_of(d)
}

recorded(what) if what in records

# Some service is offered to the public in China.
public_service if {
	some m in data.govlint.lib.repository.manifests
	public_in_region(m)
}

deny contains repository.finding(m, "the service is offered to the public in China, but no dataset manifest records a safety keyword library (`governance.keyword_library`, TC260-003 §8.1)", path) if {
	some m in data.govlint.lib.repository.manifests
	public_in_region(m)
	not recorded("keyword_library")
}

deny contains repository.finding(m, "the service is offered to the public in China, but no dataset manifest records the safety test-question banks (`governance.test_banks`, TC260-003 §8.2-8.3)", path) if {
	some m in data.govlint.lib.repository.manifests
	public_in_region(m)
	not recorded("test_banks")
}

# What the rule judges (docs/policies.md, "Evidence"): public services in China, and the
# dataset manifests that record the library or the banks for them.
evidence contains repository.subject(m) if {
	some m in data.govlint.lib.repository.manifests
	public_in_region(m)
}

evidence contains repository.subject(d) if {
	public_service
	some d in data.govlint.lib.repository.datasets
	count(records_of(d)) > 0
}

not_applicable contains repository.subject_because(m, sprintf("the service is declared not public (%s: false)", [data.govlint.lib.repository.fact_sources[repository.key(m)].public])) if {
	some m in data.govlint.lib.repository.manifests
	facts(m).public == false
}

not_applicable contains repository.subject_because(m, sprintf("the service is declared offered in %s (%s)", [concat(", ", sort(declared_regions(m))), data.govlint.lib.repository.fact_sources[repository.key(m)].regions])) if {
	some m in data.govlint.lib.repository.manifests
	not facts(m).public == false
	count(declared_regions(m)) > 0
	count(declared_regions(m) & regions) == 0
}

no_evidence contains repository.subject_because(m, "the manifest does not declare whether the service is public and where (`governance.service`)") if {
	some m in data.govlint.lib.repository.manifests
	not public_in_region(m)
	not facts(m).public == false
	count(declared_regions(m) & regions) > 0
}

no_evidence contains repository.subject_because(m, "the manifest does not declare whether the service is public and where (`governance.service`)") if {
	some m in data.govlint.lib.repository.manifests
	not facts(m).public == false
	count(declared_regions(m)) == 0
}
