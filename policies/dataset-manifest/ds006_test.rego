package govlint.rules.ds006_test

import data.govlint.rules.ds006
import rego.v1

full := {"labeled": true, "rules": "guide v3", "quality_assessment": "kappa 0.82", "verification": "weekly review", "annotator_training": "two-day course"}

native(annotation) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"annotation": annotation}}

test_native_full_record_is_quiet if {
	count(ds006.deny) == 0 with input as native(full) with data.govlint.file as {"format": "native"}
}

test_native_unlabeled_is_quiet if {
	count(ds006.deny) == 0 with input as object.union(native({"labeled": false}), {"annotations_creators": ["machine-generated"]})
		with data.govlint.file as {"format": "native"}
}

test_native_partial_record_fires_per_field if {
	r := ds006.deny with input as native({"labeled": true, "rules": "guide"}) with data.govlint.file as {"format": "native"}
	count(r) == 3
	{f.path | some f in r} == {
		["governance", "annotation", "quality_assessment"],
		["governance", "annotation", "verification"],
		["governance", "annotation", "annotator_training"],
	}
}

test_hf_crowdsourced_without_record_fires_once if {
	r := ds006.deny with input as {"annotations_creators": ["crowdsourced", "expert-generated"]} with data.govlint.file as {"format": "huggingface"}
	count(r) == 1
	some f in r
	f.path == ["governance", "annotation"]
	contains(f.msg, "annotator_training")
}

test_hf_machine_generated_needs_no_training if {
	r := ds006.deny with input as {"annotations_creators": ["machine-generated"]} with data.govlint.file as {"format": "huggingface"}
	count(r) == 1
	some f in r
	not contains(f.msg, "annotator_training")
}

test_hf_no_annotation_is_quiet if {
	count(ds006.deny) == 0 with input as {"annotations_creators": ["no-annotation"]} with data.govlint.file as {"format": "huggingface"}
}

test_hf_annotation_section_counts if {
	count(ds006.deny) == 0 with input as {"annotations_creators": ["crowdsourced"]}
		with data.govlint.file as {"format": "huggingface", "sections": [{"heading": "Annotation process", "level": 4, "line": 40, "words": 12, "text": "Three crowd workers labelled each item on MTurk; majority vote."}]}
}

test_croissant_annotation_without_protocol_fires if {
	r := ds006.deny with input as {"@type": "sc:Dataset", "rai:annotationsPerItem": "3"} with data.govlint.file as {"format": "croissant"}
	count(r) == 1
	some f in r
	f.path == ["rai:dataAnnotationProtocol"]
}

test_croissant_annotation_with_protocol_alias_is_quiet if {
	count(ds006.deny) == 0 with input as {"@type": "sc:Dataset", "rai:annotationsPerItem": "3", "rai:annotationProtocol": "Majority of 3."}
		with data.govlint.file as {"format": "croissant"}
}

test_evidence_is_labeled_data if {
	ds006.evidence with input as native(full) with data.govlint.file as {"format": "native"}
	not ds006.evidence with input as native({}) with data.govlint.file as {"format": "native"}
	count(ds006.not_applicable) == 0 with input as native({}) with data.govlint.file as {"format": "native"}
}

test_data_declared_not_labeled_is_not_applicable if {
	count(ds006.not_applicable) == 1 with input as native({"labeled": false}) with data.govlint.file as {"format": "native"}
	count(ds006.not_applicable) == 1 with input as {"annotations_creators": ["no-annotation"]} with data.govlint.file as {"format": "huggingface"}
}

ann_params := {"ds006": {"min_safety_risks_covered": 31}}

human_record := {
	"labeled": true, "rules": "guide v3", "quality_assessment": "kappa 0.82", "verification": "weekly review", "annotator_training": "two-day course",
	"annotator_vetting": "exam before annotating, re-examined quarterly, suspended on failure", "separate_review": true, "safety_rules": {"risks_covered": 31},
}

ann_run(record, profile) := r if {
	r := ds006.deny with input as {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"annotation": record}}
		with data.govlint.file as {"format": "native"} with data.govlint.params as ann_params with data.govlint.profile as profile
}

test_tc260_annotation_for_a_model_offered_in_china_is_quiet if {
	count(ann_run(human_record, {"regions": ["CN"]})) == 0
}

test_tc260_annotation_requirements_for_a_model_offered_in_china if {
	general := object.remove(human_record, ["annotator_vetting", "separate_review", "safety_rules"])
	r := ann_run(general, {"regions": ["CN"]})
	{f.path[2] | some f in r} == {"annotator_vetting", "separate_review", "safety_rules"}
	r2 := ann_run(object.union(human_record, {"separate_review": false, "safety_rules": {"risks_covered": 17}}), {"regions": ["CN"]})
	{concat(".", array.slice(f.path, 2, count(f.path))) | some f in r2} == {"separate_review", "safety_rules.risks_covered"}
}

test_tc260_annotation_requirements_stay_out_of_other_markets if {
	general := object.remove(human_record, ["annotator_vetting", "separate_review", "safety_rules"])
	count(ann_run(general, {"regions": ["US"]})) == 0
	count(ann_run(general, {})) == 0
}

test_a_missing_record_is_one_finding_in_china_too if {
	r := ann_run({"labeled": true}, {"regions": ["CN"]})
	count(r) == 1
	some f in r
	contains(f.msg, "annotator_vetting")
}
