# METADATA
# title: Data provenance is recorded (source id, version, checksum, time frame)
# description: >-
#   Each source in use records a stable id, the version or snapshot used, a SHA-256 checksum of
#   that snapshot and the collection time frame, so that the data behind a model can be traced
#   and reproduced. In Croissant: `version`, `sha256` on every `FileObject` (a git repository
#   cannot carry one) and `rai:dataCollectionTimeframe`, `temporalCoverage` or dates given in
#   `rai:dataCollection`. A manifest that records no source at all is DS002's finding, at its
#   place: this rule does not report the same missing field again.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, GV-1.6 and MP-2.1 (data provenance)
#   - ref: https://docs.mlcommons.org/croissant/docs/croissant-spec.html
#     description: Croissant 1.0, Dataset versioning and checksums
# custom:
#   id: DS011
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data lineage and version management"
#     nist-ai-600-1: ["GV-1.6", "MP-2.1"]
#   remediation: >-
#     For each source in `governance.sources[]` record `id`, `version`, `checksum` (sha256) and
#     `collected_from` / `collected_to`; in Croissant add `version`, `sha256` on file objects and
#     `rai:dataCollectionTimeframe`.
#   examples:
#     pass: "governance: {sources: [{id: tickets, version: '2024-11-30', checksum: 'sha256:9f2c…', collected_from: 2021-01-01, collected_to: 2024-11-30}]}"
#     fail: "governance: {sources: [{id: tickets}]}"
#   evidence:
#     needs: >-
#       `governance.sources[]` with id, version, SHA-256 checksum and collection time frame, or
#       Croissant `version` and `distribution[].sha256`
#   i18n:
#     zh-CN:
#       title: 须记录数据溯源信息（来源标识、版本、校验和、采集时间范围）
#       description: >-
#         每个在用来源应记录稳定标识、所用版本或快照、快照的 SHA-256 校验和及采集时间范围，使模型背后的数据可追溯、可复现。
#         Croissant 中对应 `version`、各 `FileObject` 的 `sha256`（git 仓库无法提供）以及 `rai:dataCollectionTimeframe` 或
#         `temporalCoverage`。完全未登记来源时由 DS002 在同一位置报告，本规则不重复。依据 NIST AI 600-1 GV-1.6、MP-2.1，对应《大模型落地路线图研究报告（2024年）》数据资源层的数据血缘与版本管理。
#       remediation: >-
#         在 `governance.sources[]` 中为每个来源填写 `id`、`version`、`checksum`（sha256）和 `collected_from` / `collected_to`；
#         Croissant 文件补充 `version`、文件对象的 `sha256` 及 `rai:dataCollectionTimeframe`。
#       evidence: >-
#         `governance.sources[]` 的标识、版本、SHA-256 校验值与采集时间范围，
#         或 Croissant 的 `version` 与 `distribution[].sha256`。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据血缘与版本管理"
#       messages:
#         "source %s does not record `%s`": "来源 %s 未记录 `%s`"
#         "source %s has checksum `%s`, not a SHA-256 digest": "来源 %s 的校验和为 `%s`，不是 SHA-256 摘要"
#         "the Croissant file has no `version`": "Croissant 文件缺少 `version`"
#         "file object `%s` has no SHA-256 checksum": "文件对象 `%s` 缺少 SHA-256 校验和"
#         "no file of the distribution carries a SHA-256 checksum": "`distribution` 中没有任何文件带有 SHA-256 校验和"
#         "the Croissant file does not record the collection time frame (`rai:dataCollectionTimeframe` or `temporalCoverage`)": "Croissant 文件未记录采集时间范围（`rai:dataCollectionTimeframe` 或 `temporalCoverage`）"
package govlint.rules.ds011

import data.govlint.lib.core
import data.govlint.lib.dataset
import rego.v1

fields := ["id", "version", "checksum", "collected_from", "collected_to"]

sha256 := `^(sha256:)?[0-9a-fA-F]{64}$`

deny contains {"msg": sprintf("source %s does not record `%s`", [label(i, s), field]), "path": ["governance", "sources", i, field]} if {
	some [i, s] in data.govlint.lib.dataset.sources
	dataset.used(s)
	some field in fields
	not core.present(object.get(s, field, null))
}

deny contains {"msg": sprintf("source %s has checksum `%s`, not a SHA-256 digest", [label(i, s), s.checksum]), "path": ["governance", "sources", i, "checksum"]} if {
	some [i, s] in data.govlint.lib.dataset.sources
	dataset.used(s)
	is_string(s.checksum)
	not regex.match(sha256, s.checksum)
}

label(i, s) := sprintf("`%s`", [s.id]) if is_string(s.id)

label(i, s) := sprintf("#%d", [i]) if not is_string(s.id)

# ---------------------------------------------------------------------------------------------
# Croissant

deny contains {"msg": "the Croissant file has no `version`", "path": [dataset.croissant_key(input, "version")]} if {
	data.govlint.lib.dataset.croissant
	not core.present(object.get(input, dataset.croissant_key(input, "version"), null))
}

distribution := [[i, d] | some i, d in dataset.as_list(object.get(input, dataset.croissant_key(input, "distribution"), [])); is_object(d)]

file_object(d) if {
	some t in dataset.as_list(object.get(d, "@type", []))
	t in {"cr:FileObject", "FileObject", "http://mlcommons.org/croissant/FileObject"}
}

# `encodingFormat` is text, or a list of them (schema.org allows several values).
git(d) if git_format(d)

# A file inside a git repository (`containedIn` a git file object): the repository, not a
# checksum, identifies it (Croissant issue #80).
git(d) if {
	some parent in dataset.as_list(object.get(d, "containedIn", []))
	some [_, r] in distribution
	r["@id"] == parent["@id"]
	git_format(r)
}

git_format(d) if {
	some f in dataset.as_list(object.get(d, "encodingFormat", []))
	is_string(f)
	startswith(lower(f), "git")
}

checksum(d) if {
	s := object.get(d, "sha256", null)
	is_string(s)
	regex.match(sha256, s)
}

deny contains {"msg": sprintf("file object `%s` has no SHA-256 checksum", [object.get(d, "@id", object.get(d, "name", i))]), "path": [dataset.croissant_key(input, "distribution"), i, "sha256"]} if {
	data.govlint.lib.dataset.croissant
	some [i, d] in distribution
	file_object(d)
	not git(d)
	not checksum(d)
}

deny contains {"msg": "no file of the distribution carries a SHA-256 checksum", "path": [dataset.croissant_key(input, "distribution")]} if {
	data.govlint.lib.dataset.croissant
	count([d | some [_, d] in distribution; checksum(d)]) == 0
	count([d | some [_, d] in distribution; file_object(d); not git(d)]) == 0
}

deny contains {"msg": "the Croissant file does not record the collection time frame (`rai:dataCollectionTimeframe` or `temporalCoverage`)", "path": dataset.rai_path("dataCollectionTimeframe")} if {
	data.govlint.lib.dataset.croissant
	not dataset.rai_present("dataCollectionTimeframe")
	not core.present(object.get(input, dataset.croissant_key(input, "temporalCoverage"), null))
	not dated_collection
}

# The collection description gives its dates in prose ("between January 1st, 2015 and March
# 31st, 2022").
dated_collection if {
	some v in dataset.rai_values("dataCollection")
	some t in dataset.as_list(v)
	is_string(t)
	regex.match(`\b(19|20)\d\d\b`, t)
}

# What the rule judges (docs/policies.md, "Evidence"): every dataset manifest, whatever its format:
# the provenance of its sources (or, in Croissant, its version and file checksums). A manifest that states none of it fails the rule.
evidence := true
