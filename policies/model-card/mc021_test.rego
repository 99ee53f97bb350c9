package govlint.rules.mc021_test

import data.govlint.rules.mc021
import rego.v1

params := {"mc021": {"systemic_risk_flop": 1e25}}

hf := {"format": "huggingface"}

managed := {"risk_assessment": "https://acme.example/ai/systemic-risk", "incident_reporting": "Serious incidents go to the AI Office", "cybersecurity": "Weights in an HSM-backed enclave"}

run(g, profile) := r if {
	r := mc021.deny with input as {"governance": g} with data.govlint.file as hf with data.govlint.params as params with data.govlint.profile as profile
}

test_a_managed_model_is_quiet if {
	count(run({"regions": ["EU"], "systemic_risk": true, "systemic_risk_management": managed}, {})) == 0
}

test_each_duty_of_art_55_fires if {
	r := run({"regions": ["EU"], "systemic_risk": true}, {})
	{f.path[2] | some f in r} == {"risk_assessment", "incident_reporting", "cybersecurity"}
	r2 := run({"regions": ["DE"], "systemic_risk": true, "systemic_risk_management": object.remove(managed, ["cybersecurity"])}, {})
	{f.path[2] | some f in r2} == {"cybersecurity"}
}

test_compute_above_the_threshold_presumes_systemic_risk if {
	count(run({"regions": ["EU"], "training_compute_flop": 3.8e25}, {})) == 3
	count(run({"regions": ["EU"], "training_compute_flop": 9e23}, {})) == 0
	count(mc021.not_applicable) == 1 with input as {"governance": {"regions": ["EU"], "training_compute_flop": 9e23}} with data.govlint.file as hf with data.govlint.params as params
}

test_the_profile_declares_systemic_risk_and_markets if {
	count(run({}, {"regions": ["EU"], "systemic_risk": true})) == 3
}

test_outside_the_eu_or_without_systemic_risk_nothing_fires if {
	count(run({"regions": ["CN", "US"], "systemic_risk": true}, {})) == 0
	count(mc021.not_applicable) == 1 with input as {"governance": {"regions": ["US"], "systemic_risk": true}} with data.govlint.file as hf with data.govlint.params as params
	count(run({"regions": ["EU"], "systemic_risk": false}, {})) == 0
}

test_undeclared_markets_lack_the_evidence if {
	count(run({"systemic_risk": true}, {})) == 0
	count(mc021.no_evidence) == 1 with input as {"governance": {"systemic_risk": true}} with data.govlint.file as hf with data.govlint.params as params
	not mc021.evidence with input as {"governance": {"systemic_risk": true}} with data.govlint.file as hf with data.govlint.params as params
}
