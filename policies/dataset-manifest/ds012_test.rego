package govlint.rules.ds012_test

import data.govlint.rules.ds012
import rego.v1

native(sources) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"sources": sources}}

test_native_honoured_with_method_is_quiet if {
	count(ds012.deny) == 0 with input as native([
		{"id": "crawl", "web_scraped": true, "tdm_opt_out": {"honoured": true, "method": "robots.txt"}},
		{"id": "tickets", "web_scraped": false},
	])
		with data.govlint.file as {"format": "native"}
}

test_native_scraped_without_opt_out_fires if {
	r := ds012.deny with input as native([{"id": "crawl", "web_scraped": true}]) with data.govlint.file as {"format": "native"}
	count(r) == 1
	some f in r
	f.path == ["governance", "sources", 0, "tdm_opt_out", "honoured"]
}

test_hf_card_honoured_without_method_fires if {
	r := ds012.deny with input as {"governance": {"sources": [{"id": "c", "web_scraped": true, "tdm_opt_out": {"honoured": true}}]}}
		with data.govlint.file as {"format": "huggingface"}
	count(r) == 1
	some f in r
	f.path == ["governance", "sources", 0, "tdm_opt_out", "method"]
}

test_croissant_scraped_without_opt_out_fires if {
	r := ds012.deny with input as {"@type": "sc:Dataset", "rai:dataCollectionType": ["Web Scraping", "Others"], "rai:dataCollection": "Files downloaded from GitHub."}
		with data.govlint.file as {"format": "croissant"}
	count(r) == 1
	some f in r
	f.path == ["rai:dataCollection"]
}

test_croissant_scraped_with_opt_out_is_quiet if {
	count(ds012.deny) == 0 with input as {"@type": "sc:Dataset", "rai:dataCollectionType": "Web Scraping", "rai:dataCollection": "Crawled honouring robots.txt and TDMRep."}
		with data.govlint.file as {"format": "croissant"}
}

test_croissant_not_scraped_is_quiet if {
	count(ds012.deny) == 0 with input as {"@type": "sc:Dataset", "rai:dataCollectionType": ["Surveys"]} with data.govlint.file as {"format": "croissant"}
}

test_hf_card_honoured_with_method_is_quiet if {
	count(ds012.deny) == 0 with input as {"governance": {"sources": [{"id": "c", "web_scraped": true, "tdm_opt_out": {"honoured": true, "method": "robots.txt, ai.txt"}}]}}
		with data.govlint.file as {"format": "huggingface"}
}

test_evidence_is_a_scraped_source if {
	ds012.evidence with input as native([{"id": "w", "web_scraped": true}]) with data.govlint.file as {"format": "native"}
	not ds012.evidence with input as native([{"id": "w"}]) with data.govlint.file as {"format": "native"}
	count(ds012.not_applicable) == 0 with input as native([{"id": "w"}]) with data.govlint.file as {"format": "native"}
}

test_sources_declared_not_scraped_are_not_applicable if {
	count(ds012.not_applicable) == 1 with input as native([{"id": "a", "web_scraped": false}]) with data.govlint.file as {"format": "native"}
}
