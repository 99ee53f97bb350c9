# METADATA
# title: Production datasets reference a drift-monitoring baseline and owner
# description: >-
#   A dataset that feeds a production model or pipeline (`governance.production: true`) names
#   where its baseline statistics are kept and who watches the drift, so that a change in the
#   incoming data is noticed. The owner is `drift_monitoring.owner`, or the dataset's `owner`.
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: CAICT, Large Model Deployment Roadmap Research Report (2024), operations management (data links and drift)
# custom:
#   id: DS016
#   severity: note
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: operations-management
#   frameworks:
#     caict-roadmap-2024: "operations management: data link monitoring and drift"
#     nist-ai-600-1: "MG-4.1 (post-deployment monitoring; MEASURE 2.4 of AI RMF 1.0 is the core subcategory)"
#   remediation: >-
#     Add `governance.drift_monitoring` with `baseline` (where the baseline statistics are) and
#     `owner`, plus the `metrics` watched.
#   examples:
#     pass: "governance: {production: true, drift_monitoring: {baseline: s3://ml/baselines/x/stats.json, owner: {name: Data Platform}}}"
#     fail: "governance: {production: true}"
#   evidence:
#     needs: >-
#       `governance.production` and, for data feeding production, `governance.drift_monitoring`
#       (baseline, owner); data declared not feeding production (`production: false`) is out of
#       it
#   i18n:
#     zh-CN:
#       title: 生产数据集须登记漂移监测基线与负责人
#       description: >-
#         为生产模型或数据链路供数的数据集（`governance.production: true`）应说明基线统计数据的存放位置以及由谁负责监测漂移，
#         以便及时发现输入数据变化。依据《大模型落地路线图研究报告（2024年）》运营管理阶段对数据链路与数据漂移监测的要求。
#         负责人取 `drift_monitoring.owner`，缺省时取数据集的 `owner`。
#         亦对应 NIST AI 600-1 MG-4.1（部署后监测；AI RMF 1.0 核心子类别 MEASURE 2.4）。
#       remediation: >-
#         添加 `governance.drift_monitoring`，填写 `baseline`（基线统计位置）、`owner` 及监测的 `metrics`。
#       evidence: >-
#         `governance.production`；用于生产的数据还须有 `governance.drift_monitoring`（基线、
#         负责人）；声明不用于生产（`production: false`）的数据不适用。
#       clauses:
#         caict-roadmap-2024: "运营管理：数据链路监测与漂移"
#       messages:
#         "the dataset feeds production but names no drift-monitoring baseline (`governance.drift_monitoring.baseline`)": "该数据集为生产环境供数，但未指明漂移监测基线（`governance.drift_monitoring.baseline`）"
#         "the dataset feeds production but names nobody who watches its drift (`governance.drift_monitoring.owner`)": "该数据集为生产环境供数，但未指明漂移监测负责人（`governance.drift_monitoring.owner`）"
#         "the data is declared not to feed production (`governance.production: false`)": "已声明数据不用于生产（`governance.production: false`）"
package govlint.rules.ds016

import data.govlint.lib.core
import rego.v1

base := ["governance", "drift_monitoring"]

drift := data.govlint.lib.dataset.gov_block("drift_monitoring")

production if data.govlint.lib.dataset.gov.production == true

deny contains {"msg": "the dataset feeds production but names no drift-monitoring baseline (`governance.drift_monitoring.baseline`)", "path": array.concat(base, ["baseline"])} if {
	production
	not core.present(object.get(drift, "baseline", null))
}

deny contains {"msg": "the dataset feeds production but names nobody who watches its drift (`governance.drift_monitoring.owner`)", "path": array.concat(base, ["owner"])} if {
	production
	not core.present(object.get(drift, "owner", null))
	not core.present(object.get(data.govlint.lib.dataset.gov, "owner", null))
}

# What the rule judges (docs/policies.md, "Evidence"): data that feeds production. Data declared
# not to is out of it; a manifest that does not say lacks the evidence.
evidence if production

not_applicable contains "the data is declared not to feed production (`governance.production: false`)" if data.govlint.lib.dataset.gov.production == false
