# METADATA
# title: Generated-content safety evaluation meets the sample size and pass rate
# description: >-
#   A generative model offered as a service must pass a generated-content safety evaluation on a
#   random sample of test questions. The card records the sample size and the acceptable-answer
#   rate; both must reach the thresholds, which are parameters.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §9.3 (GB/T 45654-2025)
# custom:
#   id: MC009
#   severity: error
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     cn-genai: "TC260-003 §9.3; GB/T 45654-2025"
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation"
#   params: [min_sample_size, min_acceptable_rate]
#   secondary_source: >-
#     The defaults (at least 1000 questions, an acceptable-answer rate of at least 0.90) come from
#     secondary summaries of TC260-003, not from the standard's text; set them in govlint.yaml.
#   remediation: >-
#     Record `governance.evaluation.safety.generated_content` with `sample_size` and
#     `acceptable_rate` from a test that meets the thresholds.
#   examples:
#     pass: "governance: {evaluation: {safety: {generated_content: {sample_size: 2000, acceptable_rate: 0.96}}}}"
#     fail: "governance: {evaluation: {safety: {generated_content: {sample_size: 200, acceptable_rate: 0.8}}}}"
package govlint.rules.mc009

import data.govlint.lib.model
import rego.v1

params := data.govlint.params.mc009

base := ["governance", "evaluation", "safety", "generated_content"]

result := object.get(model.governance, ["evaluation", "safety", "generated_content"], null)

deny contains {"msg": "no generated-content safety evaluation is recorded", "path": base} if {
	model.format != "cyclonedx"
	result == null
}

deny contains {
	"msg": sprintf("the safety evaluation sampled %v questions; at least %v are required", [result.sample_size, params.min_sample_size]),
	"path": array.concat(base, ["sample_size"]),
} if {
	is_number(result.sample_size)
	result.sample_size < params.min_sample_size
}

deny contains {
	"msg": sprintf("the acceptable-answer rate is %v; at least %v is required", [result.acceptable_rate, params.min_acceptable_rate]),
	"path": array.concat(base, ["acceptable_rate"]),
} if {
	is_number(result.acceptable_rate)
	result.acceptable_rate < params.min_acceptable_rate
}

deny contains {"msg": sprintf("the safety evaluation does not record `%s`", [field]), "path": array.concat(base, [field])} if {
	is_object(result)
	some field in ["sample_size", "acceptable_rate"]
	not is_number(result[field])
}
