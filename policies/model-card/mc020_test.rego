package govlint.rules.mc020_test

import data.govlint.rules.mc020
import rego.v1

native(extra) := object.union({"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "base_model": "Qwen/Qwen2.5-7B"}, extra)

nat := {"format": "native"}

lineage := {"third_party_base": true, "base_model_release_date": "2024-09-19", "derivation_date": "2025-02-10"}

cap(date) := {"capability": [{"benchmark": "C-Eval", "value": 0.78, "date": date}]}

test_recent_evaluation_is_quiet_on_native if {
	count(mc020.deny) == 0 with input as native({"governance": {"lineage": lineage, "evaluation": cap("2025-02-14")}}) with data.govlint.file as nat
}

test_stale_evaluation_fires_on_native if {
	fs := mc020.deny with input as native({"governance": {"lineage": lineage, "evaluation": cap("2024-10-01")}}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation", "capability", 0, "date"]
	contains(f.msg, "2025-02-10")
}

test_evaluation_older_than_base_release if {
	fs := mc020.deny with input as native({"governance": {"lineage": {"third_party_base": true, "base_model_release_date": "2024-09-19"}, "evaluation": cap("2024-09-01")}})
		with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	contains(f.msg, "2024-09-19")
}

test_no_evaluation_fires_on_hf if {
	fs := mc020.deny with input as {"base_model": "mistralai/Mistral-7B-v0.1", "governance": {"lineage": {"third_party_base": true, "derivation_date": "2025-01-01"}}}
		with data.govlint.file as {"format": "huggingface"}
	count(fs) == 1
	some f in fs
	f.path == ["governance", "evaluation"]
}

test_third_party_inferred_from_hub_ids if {
	count(mc020.deny) == 1 with input as {"base_model": "mistralai/Mistral-7B-v0.1", "governance": {"model_id": "acme/chat"}}
		with data.govlint.file as {"format": "huggingface"}
	count(mc020.deny) == 0 with input as {"base_model": "Qwen/Qwen2.5-7B", "governance": {"model_id": "Qwen/Qwen2.5-7B-Instruct"}}
		with data.govlint.file as {"format": "huggingface"}
}

test_undated_evaluation_fires if {
	fs := mc020.deny with input as native({"governance": {"lineage": lineage, "evaluation": {"capability": [{"benchmark": "C-Eval", "value": 0.7}]}}}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	contains(f.msg, "no date")
}

test_dates_of_the_lineage_are_needed if {
	fs := mc020.deny with input as native({"governance": {"lineage": {"third_party_base": true}, "evaluation": cap("2025-02-14")}}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "lineage", "derivation_date"]
}

test_own_base_is_not_checked if {
	count(mc020.deny) == 0 with input as native({"governance": {"lineage": {"third_party_base": false}}}) with data.govlint.file as nat
}

test_unknown_origin_is_not_checked if {
	count(mc020.deny) == 0 with input as {"base_model": "mistralai/Mistral-7B-v0.1"} with data.govlint.file as {"format": "huggingface"}
}

test_evidence_is_a_model_derived_from_a_third_party_base if {
	mc020.evidence with input as {"base_model": "Qwen/Qwen2.5-7B", "governance": {"model_id": "acme/chat"}} with data.govlint.file as {"format": "huggingface"}
	count(mc020.no_subject) == 1 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
}

test_an_own_base_model_is_not_applicable if {
	count(mc020.not_applicable) == 1 with input as {"base_model": "acme/base", "governance": {"model_id": "acme/chat"}} with data.govlint.file as {"format": "huggingface"}
	count(mc020.not_applicable) == 1 with input as {"base_model": "Qwen/Qwen2.5-7B", "governance": {"lineage": {"third_party_base": false}}} with data.govlint.file as {"format": "huggingface"}
	not mc020.evidence with input as {"base_model": "Qwen/Qwen2.5-7B"} with data.govlint.file as {"format": "huggingface"}
	count(mc020.not_applicable) == 0 with input as {"base_model": "Qwen/Qwen2.5-7B"} with data.govlint.file as {"format": "huggingface"}
}
