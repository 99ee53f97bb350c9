# A team's own conftest-style policy set, run beside (or instead of) the bundled rules in the
# benchmark: `govlint check --no-builtin -p bench/policy` and `opa_eval.py --conftest`.
package main

import rego.v1

containers contains c if some c in input.spec.template.spec.containers

containers contains c if some c in input.spec.predictor.containers

containers contains c if {
	some name, s in input.services
	c := object.union(s, {"name": name})
}

deny_latest_tag contains msg if {
	some c in containers
	endswith(c.image, ":latest")
	msg := sprintf("container `%s` uses the latest tag", [c.name])
}

deny_missing_limits contains msg if {
	some c in input.spec.template.spec.containers
	not c.resources.limits.memory
	msg := sprintf("container `%s` has no memory limit", [c.name])
}

deny_no_license contains "the card names no license" if {
	input.datasets
	not input.license
	not input.metadata
}

warn_no_owner contains "no owner in the governance block" if {
	input.governance
	not input.governance.owner
}

warn_many_replicas contains msg if {
	input.spec.replicas > 3
	msg := sprintf("%d replicas", [input.spec.replicas])
}
