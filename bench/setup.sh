#!/usr/bin/env bash
# Installs the peers of the benchmark into bench/.venv: PyYAML, check-jsonschema, and the OPA Go
# engine as shipped in the `opa-golib-python-bindings` wheel (a c-shared library with a thin
# Python wrapper). The wheel declares a newer Python than some machines have, but the shared
# library does not care, hence --ignore-requires-python.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet pyyaml check-jsonschema
wheels="$(mktemp -d)"
"$venv/bin/pip" download --quiet --no-deps --ignore-requires-python -d "$wheels" opa-golib-python-bindings
"$venv/bin/pip" install --quiet --no-deps --ignore-requires-python "$wheels"/*.whl
rm -rf "$wheels"
"$venv/bin/python" -c "import yaml, opa_bindings" 2>/dev/null || "$venv/bin/pip" show -f opa-golib-python-bindings | head -40
echo "peers installed in $venv"
