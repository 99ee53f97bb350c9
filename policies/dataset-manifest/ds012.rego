# METADATA
# title: Web-scraped sources honoured text-and-data-mining opt-outs
# description: >-
#   A source obtained by crawling the web records that machine-readable reservations of rights
#   (robots.txt, ai.txt, TDMRep headers…) were honoured, and how. A Croissant file whose
#   `rai:dataCollectionType` includes web scraping must say so in `rai:dataCollection`.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 53(1)(c) (policy to comply with Union copyright law, incl. Art. 4(3) of Directive (EU) 2019/790)
#   - ref: https://eur-lex.europa.eu/eli/dir/2019/790/oj
#     description: Directive (EU) 2019/790, Art. 4(3) (reservation of rights in a machine-readable manner)
# custom:
#   id: DS012
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data compliance (intellectual property)"
#     eu-ai-act: "Art. 53(1)(c)"
#     cn-genai: "Interim Measures Art. 7(2) (intellectual property)"
#   remediation: >-
#     For every source with `web_scraped: true`, record `tdm_opt_out: {honoured: true, method:
#     <robots.txt, ai.txt, TDMRep…>}`; in Croissant, describe the opt-out handling in
#     `rai:dataCollection`.
#   examples:
#     pass: "governance: {sources: [{id: crawl, web_scraped: true, tdm_opt_out: {honoured: true, method: robots.txt and TDMRep}}]}"
#     fail: "governance: {sources: [{id: crawl, web_scraped: true}]}"
#   evidence:
#     needs: >-
#       `web_scraped` and `tdm_opt_out` (honoured, method) of each source in
#       `governance.sources[]`, or Croissant `rai:dataCollectionType` and the collection
#       description; data declared not scraped is out of it
#   i18n:
#     zh-CN:
#       title: 网络爬取的来源须遵守文本与数据挖掘保留声明
#       description: >-
#         通过网络爬取获得的来源应记录已遵守机器可读的权利保留声明（robots.txt、ai.txt、TDMRep 等）及遵守方式。依据欧盟
#         《人工智能法》第五十三条第一款 (c) 项及《数字化单一市场版权指令》第四条第三款；同时对应《生成式人工智能服务管理暂行办法》
#         第七条第（二）项“不得侵害他人依法享有的知识产权”。Croissant 文件的 `rai:dataCollectionType` 含 Web Scraping 时，应在
#         `rai:dataCollection` 中说明。
#         对应《大模型落地路线图研究报告（2024年）》数据资源层关于数据合规（知识产权）的要求。
#       remediation: >-
#         为每个 `web_scraped: true` 的来源填写 `tdm_opt_out: {honoured: true, method: <robots.txt、ai.txt、TDMRep 等>}`；
#         Croissant 文件在 `rai:dataCollection` 中说明对保留声明的处理。
#       evidence: >-
#         `governance.sources[]` 中各来源的 `web_scraped` 与 `tdm_opt_out`（是否遵守、
#         方法），或 Croissant 的 `rai:dataCollectionType` 及采集说明；
#         声明非爬取的数据不适用。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据合规（知识产权）"
#       messages:
#         "web-scraped source %s does not record that text-and-data-mining opt-outs were honoured": "网络爬取的来源 %s 未记录已遵守文本与数据挖掘保留声明"
#         "web-scraped source %s does not say how opt-outs were detected (`tdm_opt_out.method`)": "网络爬取的来源 %s 未说明识别保留声明的方法（`tdm_opt_out.method`）"
#         "the data was collected by web scraping, but the file does not say that text-and-data-mining opt-outs were honoured": "数据通过网络爬取采集，但文件未说明已遵守文本与数据挖掘保留声明"
#         "no source is web-scraped (`web_scraped: false`)": "没有来源通过网络爬取获得（`web_scraped: false`）"
#         "the collection type is not web scraping (`rai:dataCollectionType`)": "采集方式不是网络爬取（`rai:dataCollectionType`）"
package govlint.rules.ds012

import data.govlint.lib.core
import data.govlint.lib.dataset
import rego.v1

deny contains {"msg": sprintf("web-scraped source %s does not record that text-and-data-mining opt-outs were honoured", [label(i, s)]), "path": ["governance", "sources", i, "tdm_opt_out", "honoured"]} if {
	some [i, s] in data.govlint.lib.dataset.sources
	s.web_scraped == true
	not object.get(s, ["tdm_opt_out", "honoured"], false) == true
}

deny contains {"msg": sprintf("web-scraped source %s does not say how opt-outs were detected (`tdm_opt_out.method`)", [label(i, s)]), "path": ["governance", "sources", i, "tdm_opt_out", "method"]} if {
	some [i, s] in data.govlint.lib.dataset.sources
	s.web_scraped == true
	object.get(s, ["tdm_opt_out", "honoured"], false) == true
	not core.present(object.get(s, ["tdm_opt_out", "method"], null))
}

label(i, s) := sprintf("`%s`", [s.id]) if is_string(s.id)

label(i, s) := sprintf("#%d", [i]) if not is_string(s.id)

# Croissant: web scraping declared in `rai:dataCollectionType`, opt-out handling described in
# `rai:dataCollection`.
opt_out_terms := `(?i)robots\.txt|ai\.txt|tdm|text.and.data.mining|opt.?out|rights reservation|reservation of rights`

scraped if {
	some v in dataset.rai_values("dataCollectionType")
	some t in dataset.as_list(v)
	is_string(t)
	regex.match(`(?i)web.?scrap|crawl`, t)
}

opt_out_described if {
	some name in ["dataCollection", "dataCollectionRawData", "dataPreprocessingProtocol"]
	some v in dataset.rai_values(name)
	some t in dataset.as_list(v)
	is_string(t)
	regex.match(opt_out_terms, t)
}

deny contains {"msg": "the data was collected by web scraping, but the file does not say that text-and-data-mining opt-outs were honoured", "path": dataset.rai_path("dataCollection")} if {
	data.govlint.lib.dataset.croissant
	scraped
	not opt_out_described
}

# What the rule judges (docs/policies.md, "Evidence"): web-scraped sources. Sources all declared
# not scraped, or a Croissant collection type that is not scraping, take the data out of it; a
# manifest that does not say how its data was collected lacks the evidence.
evidence if {
	some [_, s] in data.govlint.lib.dataset.sources
	s.web_scraped == true
}

evidence if {
	data.govlint.lib.dataset.croissant
	scraped
}

not_applicable contains "no source is web-scraped (`web_scraped: false`)" if {
	not data.govlint.lib.dataset.croissant
	count(data.govlint.lib.dataset.sources) > 0
	count([s | some [_, s] in data.govlint.lib.dataset.sources; object.get(s, "web_scraped", null) != false]) == 0
}

not_applicable contains "the collection type is not web scraping (`rai:dataCollectionType`)" if {
	data.govlint.lib.dataset.croissant
	not scraped
	count(dataset.rai_values("dataCollectionType")) > 0
}
