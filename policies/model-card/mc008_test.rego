package govlint.rules.mc008_test

import data.govlint.rules.mc008
import rego.v1

native(gov) := {"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}

nat := {"format": "native"}

sec(heading, level, text) := {"heading": heading, "level": level, "line": 30, "words": 5, "text": text}

test_native_capability_is_quiet if {
	count(mc008.deny) == 0 with input as native({"evaluation": {"capability": [{"benchmark": "C-Eval", "metric": "accuracy", "value": 0.78}]}}) with data.govlint.file as nat
}

test_native_without_results_fires if {
	fs := mc008.deny with input as native({}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation", "capability"]
}

test_unnamed_benchmark_fires_at_entry if {
	fs := mc008.deny with input as native({"evaluation": {"capability": [{"benchmark": "C-Eval", "value": 0.78}, {"metric": "accuracy", "value": 0.7}]}}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation", "capability", 1, "benchmark"]
}

test_hf_model_index_counts if {
	count(mc008.deny) == 0 with input as {"model-index": [{"name": "m", "results": [{"task": {"type": "t"}, "dataset": {"type": "beans", "name": "Beans"}, "metrics": [{"type": "accuracy", "value": 0.9}]}]}]}
		with data.govlint.file as {"format": "huggingface"}
}

test_hf_benchmark_table_in_subsection if {
	count(mc008.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Benchmarks", 1, ""), sec("GPT4All:", 2, "```\n|arc_easy|0|acc|0.8157|\n```")]}
}

test_hf_link_only_is_not_a_result if {
	count(mc008.deny) == 1 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [sec("Evaluation & Performance", 2, "Detailed evaluation results are reported in this [blog](https://qwenlm.github.io/blog/qwen2.5/).")]}
}

test_cyclonedx_metrics if {
	count(mc008.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"quantitativeAnalysis": {"performanceMetrics": [{"type": "macro-f1", "value": "0.91"}]}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	fs := mc008.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "quantitativeAnalysis", "performanceMetrics"]
}

test_every_card_is_judged if {
	mc008.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc008.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}

open_params := {"mc008": {"open_source_licenses": ["apache-2.0", "mit"], "systemic_risk_flop": 1.0e+25}}

hf := {"format": "huggingface"}

test_open_release_without_systemic_risk_is_exempt_from_the_eu_duty if {
	ex := mc008.exempt with input as {"license": "Apache-2.0", "governance": {"weights_public": true, "systemic_risk": false}} with data.govlint.file as hf with data.govlint.params as open_params
	count(ex) == 1
	some e in ex
	e.framework == "eu-ai-act"
	contains(e.reason, "Art. 53(2)")
	contains(e.reason, "`Apache-2.0`")
	# The finding stands for the rule's other frameworks.
	count(mc008.deny) == 1 with input as {"license": "Apache-2.0", "governance": {"weights_public": true, "systemic_risk": false}} with data.govlint.file as hf with data.govlint.params as open_params
}

test_training_compute_below_the_threshold_shows_no_systemic_risk if {
	count(mc008.exempt) == 1 with input as {"license": "mit", "governance": {"weights_public": true, "training_compute_flop": 2.0e+23}} with data.govlint.file as hf with data.govlint.params as open_params
}

test_the_eu_duty_stays_unless_every_fact_is_declared if {
	# Weights not declared public; a licence with use restrictions; one licence of two not open;
	# systemic risk declared, or training compute above the threshold; nothing said of systemic risk.
	count(mc008.exempt) == 0 with input as {"license": "apache-2.0", "governance": {"systemic_risk": false}} with data.govlint.file as hf with data.govlint.params as open_params
	count(mc008.exempt) == 0 with input as {"license": "openrail", "governance": {"weights_public": true, "systemic_risk": false}} with data.govlint.file as hf with data.govlint.params as open_params
	count(mc008.exempt) == 0 with input as {"license": ["mit", "llama3"], "governance": {"weights_public": true, "systemic_risk": false}} with data.govlint.file as hf with data.govlint.params as open_params
	count(mc008.exempt) == 0 with input as {"license": "mit", "governance": {"weights_public": true, "systemic_risk": true}} with data.govlint.file as hf with data.govlint.params as open_params
	count(mc008.exempt) == 0 with input as {"license": "mit", "governance": {"weights_public": true, "training_compute_flop": 3.8e+25}} with data.govlint.file as hf with data.govlint.params as open_params
	count(mc008.exempt) == 0 with input as {"license": "mit", "governance": {"weights_public": true}} with data.govlint.file as hf with data.govlint.params as open_params
}
