package govlint.rules.ds011_test

import data.govlint.rules.ds011
import rego.v1

digest := "3b7e0c9d2a41f6e85c0d9b1a7f3e2d4c6b8a0f1e3d5c7b9a1f2e4d6c8b0a2e4f"

good_source := {"id": "tickets", "version": "2024-11-30", "checksum": concat(":", ["sha256", digest]), "collected_from": "2021-01-01", "collected_to": "2024-11-30"}

native(sources) := {"apiVersion": "govlint.dev/v1", "kind": "DatasetManifest", "metadata": {"name": "d"}, "governance": {"sources": sources}}

test_native_full_provenance_is_quiet if {
	count(ds011.deny) == 0 with input as native([good_source, {"id": "old", "excluded": true}]) with data.govlint.file as {"format": "native"}
}

test_native_missing_fields_fire if {
	r := ds011.deny with input as native([{"id": "tickets", "checksum": "md5:abc"}]) with data.govlint.file as {"format": "native"}
	count(r) == 4
	["governance", "sources", 0, "checksum"] in {f.path | some f in r}
	["governance", "sources", 0, "version"] in {f.path | some f in r}
}

# No source at all is DS002's finding; DS011 does not restate it at the same place.
test_hf_card_without_sources_is_left_to_ds002 if {
	count(ds011.deny) == 0 with input as {"license": "mit"} with data.govlint.file as {"format": "huggingface"}
}

cr := {"format": "croissant"}

croissant := {
	"@type": "sc:Dataset",
	"version": "1.0.0",
	"rai:dataCollectionTimeframe": ["2021-01-01", "2024-11-30"],
	"distribution": [
		{"@type": "cr:FileObject", "@id": "a.csv", "sha256": digest},
		{"@type": "cr:FileSet", "@id": "files", "includes": "*.csv"},
	],
}

test_croissant_full_provenance_is_quiet if {
	count(ds011.deny) == 0 with input as croissant with data.govlint.file as cr
}

test_croissant_temporal_coverage_counts if {
	count(ds011.deny) == 0 with input as object.union(object.remove(croissant, ["rai:dataCollectionTimeframe"]), {"temporalCoverage": "2025-10-05/2025-10-19"})
		with data.govlint.file as cr
}

test_croissant_missing_checksum_version_and_time_frame_fire if {
	doc := {"@type": "sc:Dataset", "distribution": [{"@type": "cr:FileObject", "@id": "a.csv", "sha256": "https://github.com/mlcommons/croissant/issues/80"}]}
	r := ds011.deny with input as doc with data.govlint.file as cr
	count(r) == 3
	["distribution", 0, "sha256"] in {f.path | some f in r}
	["version"] in {f.path | some f in r}
}

test_croissant_git_repository_without_any_checksum_fires_once if {
	doc := object.union(croissant, {"distribution": [
		{"@type": "cr:FileObject", "@id": "repo", "encodingFormat": "git+https", "sha256": "https://github.com/mlcommons/croissant/issues/80"},
		{"@type": "cr:FileObject", "@id": "attempts", "containedIn": {"@id": "repo"}, "contentUrl": "red_team_attempts.jsonl.gz"},
		{"@type": "cr:FileSet", "@id": "parquet"},
	]})
	r := ds011.deny with input as doc with data.govlint.file as cr
	count(r) == 1
	some f in r
	f.path == ["distribution"]
}

test_croissant_dates_in_the_collection_description_count if {
	doc := object.union(object.remove(croissant, ["rai:dataCollectionTimeframe"]), {"rai:dataCollection": "Files downloaded between November 2021 and June 2022."})
	count(ds011.deny) == 0 with input as doc with data.govlint.file as cr
}

test_hf_card_with_full_provenance_is_quiet if {
	count(ds011.deny) == 0 with input as {"license": "mit", "governance": {"sources": [good_source]}} with data.govlint.file as {"format": "huggingface"}
}

test_every_manifest_is_judged if {
	ds011.evidence with input as {} with data.govlint.file as {"format": "huggingface"}
	ds011.evidence with input as {} with data.govlint.file as {"format": "croissant"}
}
