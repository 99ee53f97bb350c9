# METADATA
# title: Serving images are pinned by digest
# description: >-
#   Every container image of a serving workload is referenced by an immutable digest
#   (`image@sha256:…`). A tag — and above all `latest` or no tag at all — can change under a
#   running service, so what was reviewed is not what runs.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/#image-names
#   - ref: https://slsa.dev/spec/v1.0/requirements
# custom:
#   id: DP013
#   severity: error
#   kinds: [deployment-config]
#   layer: infrastructure
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "infrastructure: supply-chain security"
#     baseline: hygiene
#   remediation: >-
#     Reference the image by digest, e.g. `ghcr.io/org/server@sha256:<64 hex>` (a tag may stay
#     before the `@` for readability).
#   examples:
#     pass: "image: vllm/vllm-openai:v0.6.3@sha256:4f0d4a0c5e8c2b2a0c9f7f3b3a2d6e8f1a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d"
#     fail: "image: vllm/vllm-openai:latest"
package govlint.rules.dp013

import data.govlint.lib.deploy
import rego.v1

deny contains {"msg": sprintf("container `%s` uses image `%s`, not pinned by digest", [c.name, c.image]), "path": array.concat(c.path, ["image"])} if {
	some c in deploy.containers
	is_string(c.image)
	not contains(c.image, "@sha256:")
}
