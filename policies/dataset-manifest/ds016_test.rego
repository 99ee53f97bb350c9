package govlint.rules.ds016_test

import data.govlint.rules.ds016
import rego.v1

native(g) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": g}

test_native_production_with_monitoring_is_quiet if {
	count(ds016.deny) == 0 with input as native({"production": true, "drift_monitoring": {"baseline": "s3://x", "owner": {"name": "Data"}}})
		with data.govlint.file as {"format": "native"}
}

test_native_production_without_monitoring_fires if {
	r := ds016.deny with input as native({"production": true}) with data.govlint.file as {"format": "native"}
	count(r) == 2
	{f.path | some f in r} == {["governance", "drift_monitoring", "baseline"], ["governance", "drift_monitoring", "owner"]}
}

test_dataset_owner_counts if {
	count(ds016.deny) == 0 with input as native({"production": true, "drift_monitoring": {"baseline": "s3://x"}, "owner": {"name": "Wang Fang"}})
		with data.govlint.file as {"format": "native"}
}

test_hf_card_not_in_production_is_quiet if {
	count(ds016.deny) == 0 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
}

test_hf_card_in_production_fires if {
	r := ds016.deny with input as {"governance": {"production": true, "owner": {"name": "x"}}} with data.govlint.file as {"format": "huggingface"}
	count(r) == 1
	some f in r
	f.path == ["governance", "drift_monitoring", "baseline"]
}

test_evidence_is_production_data if {
	ds016.evidence with input as native({"production": true}) with data.govlint.file as {"format": "native"}
	not ds016.evidence with input as native({}) with data.govlint.file as {"format": "native"}
	count(ds016.not_applicable) == 1 with input as native({"production": false}) with data.govlint.file as {"format": "native"}
}
