package govlint.rules.mc012_test

import data.govlint.rules.mc012
import rego.v1

native(extra, gov) := object.union({"apiVersion": "govlint.dev/v1", "kind": "ModelCard", "metadata": {"name": "m"}, "governance": gov}, extra)

nat := {"format": "native"}

test_native_complete_is_quiet if {
	count(mc012.deny) == 0 with input as native({}, {"training_compute_flop": 9.5e+22, "energy_kwh": 4200}) with data.govlint.file as nat
	count(mc012.deny) == 0 with input as native({"co2_eq_emissions": {"emissions": 1850000}}, {"training_compute_flop": 9.5e+22}) with data.govlint.file as nat
}

test_native_empty_fires_twice if {
	fs := mc012.deny with input as native({}, {}) with data.govlint.file as nat
	{f.path | some f in fs} == {["governance", "training_compute_flop"], ["governance", "energy_kwh"]}
}

test_compute_must_be_a_number if {
	fs := mc012.deny with input as native({}, {"training_compute_flop": "lots", "energy_kwh": 1}) with data.govlint.file as nat
	count(fs) == 1
	some f in fs
	f.path == ["governance", "training_compute_flop"]
}

test_co2_placeholder_is_not_an_amount if {
	fs := mc012.deny with input as {"co2_eq_emissions": "[More Information Needed]", "governance": {"training_compute_flop": 1e+20}}
		with data.govlint.file as {"format": "huggingface"}
	count(fs) == 1
	some f in fs
	f.path == ["co2_eq_emissions"]
}

test_hf_body_states_gpu_hours_and_emissions if {
	count(mc012.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Hardware and Software", "level": 2, "line": 82, "words": 30, "text": "**Carbon Footprint** Pretraining utilized a cumulative 7.7M GPU hours of computation. Estimated total emissions were 2290 tCO2eq."}]}
}

test_hf_body_amounts_may_be_emphasised if {
	count(mc012.deny) == 0 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Training Factors", "level": 2, "line": 100, "words": 30, "text": "**Training Energy Use** Training utilized a cumulative of **39.3**M GPU hours of computation.\n\n**Training Greenhouse Gas Emissions** Estimated total location-based greenhouse gas were **11,390** tons CO2eq for training."}]}
}

test_hf_template_prose_is_not_an_amount if {
	count(mc012.deny) == 2 with input as {}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Environmental Impact", "level": 2, "line": 142, "words": 30, "text": "Carbon emissions can be estimated using the [Machine Learning Impact calculator](https://mlco2.github.io/impact#compute).\n\n- **Carbon Emitted:** {{ co2_emitted | default(\"[More Information Needed]\", true)}}"}]}
}

test_cyclonedx_energy if {
	count(mc012.deny) == 0 with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m", "modelCard": {"considerations": {"environmentalConsiderations": {"energyConsumptions": [{"activity": "training", "activityEnergyCost": {"value": 0.4, "unit": "kWh"}}]}}}}]}
		with data.govlint.file as {"format": "cyclonedx"}
	fs := mc012.deny with input as {"bomFormat": "CycloneDX", "components": [{"type": "machine-learning-model", "name": "m"}]}
		with data.govlint.file as {"format": "cyclonedx"}
	count(fs) == 1
	some f in fs
	f.path == ["components", 0, "modelCard", "considerations", "environmentalConsiderations"]
}

test_every_card_is_judged if {
	mc012.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	mc012.evidence with input as {"bomFormat": "CycloneDX"} with data.govlint.file as {"format": "cyclonedx"}
}
