package govlint.rules.dp016_test

import data.govlint.rules.dp016
import rego.v1

k8s := {"format": "kubernetes"}

# Credential-shaped test values are assembled at run time so that secret scanners reading
# this file do not mistake them for real credentials.
hf := concat("", ["hf", "_", "AbCdEfGhIjKlMnOpQr", "StUvWxYzAbCdEfGh"])

sk := concat("", ["sk", "-", "AbCdEfGh0123456789", "IjKlMnOp"])

jwt := concat(".", [concat("", ["ey", "JhbGciOiJIUzI1NiJ9"]), concat("", ["ey", "JzdWIiOiIxMjM0NTY3ODkwIn0"]), "SflKxwRJSMeKKF2QT4fwpMeJf36POk6y"])

pem := concat("", ["-----BEGIN RSA ", "PRIVATE KEY-----\nMIIE\n-----END RSA ", "PRIVATE KEY-----"])

deployment(c) := {"apiVersion": "apps/v1", "kind": "Deployment", "spec": {"template": {"spec": {"containers": [object.union({"name": "vllm", "image": "x"}, c)]}}}}

env_path := ["spec", "template", "spec", "containers", 0, "env", 0, "value"]

test_token_shape_in_env_fires if {
	r := dp016.deny with input as deployment({"env": [{"name": "MODEL_TOKEN", "value": hf}]}) with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == env_path
	contains(f.msg, "Hugging Face token")
	not contains(f.msg, hf)
}

test_secret_name_with_literal_fires if {
	r := dp016.deny with input as deployment({"env": [{"name": "DB_PASSWORD", "value": "s3cr3t-pass"}]}) with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == env_path
	contains(f.msg, "`DB_PASSWORD`")
}

test_secret_key_ref_is_quiet if {
	c := {
		"env": [
			{"name": "HUGGING_FACE_HUB_TOKEN", "valueFrom": {"secretKeyRef": {"name": "hf-secret", "key": "hf_api_token"}}},
			{"name": "MAX_TOTAL_TOKENS", "value": "2048"},
			{"name": "HF_TOKEN_PATH", "value": "/var/run/secrets/hf/token"},
		],
		"envFrom": [{"secretRef": {"name": "api-keys"}}],
	}
	count(dp016.deny) == 0 with input as deployment(c) with data.govlint.file as k8s
}

test_placeholders_are_quiet if {
	c := {"env": [
		{"name": "HF_TOKEN", "value": "<secret>"},
		{"name": "OPENAI_API_KEY", "value": "${OPENAI_API_KEY}"},
		{"name": "VLLM_API_KEY", "value": "$(API_KEY)"},
		{"name": "DB_PASSWORD", "value": "changeme"},
		{"name": "GITHUB_TOKEN", "value": "your-token-here"},
		{"name": "API_TOKEN", "value": ""},
	]}
	count(dp016.deny) == 0 with input as deployment(c) with data.govlint.file as k8s
}

test_flags_fire if {
	c := {"args": ["--model", "m", "--api-key", sk], "command": ["serve", "--token=abcd1234efgh"]}
	r := dp016.deny with input as deployment(c) with data.govlint.file as k8s
	count(r) == 2
	some f in r
	f.path == ["spec", "template", "spec", "containers", 0, "args", 3]
}

test_flag_names_that_are_not_secrets if {
	c := {"args": ["--max-num-batched-tokens", "8192", "--tokenizer", "org/tok", "--ssl-keyfile", "/etc/tls.key", "--api-key", "$(VLLM_API_KEY)"]}
	count(dp016.deny) == 0 with input as deployment(c) with data.govlint.file as k8s
}

test_secret_store_is_not_judged_by_name if {
	s := {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "hf-token"}, "stringData": {"HF_TOKEN": "<REPLACE_WITH_YOUR_HF_TOKEN>"}}
	count(dp016.deny) == 0 with input as s with data.govlint.file as k8s
	db := {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}, "stringData": {"password": "a-real-password"}}
	count(dp016.deny) == 0 with input as db with data.govlint.file as k8s
}

test_committed_credential_in_secret_fires if {
	s := {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "hf-token"}, "stringData": {"HF_TOKEN": hf}}
	r := dp016.deny with input as s with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["stringData", "HF_TOKEN"]
	encoded := {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "hf-token"}, "data": {"HF_TOKEN": base64.encode(hf)}}
	r2 := dp016.deny with input as encoded with data.govlint.file as k8s
	some f2 in r2
	f2.path == ["data", "HF_TOKEN"]
}

test_configmap_fires if {
	cm := {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"MODEL_ID": "BAAI/bge-m3", "OPENAI_API_KEY": "not-a-placeholder-key"}}
	r := dp016.deny with input as cm with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["data", "OPENAI_API_KEY"]
}

test_url_password_fires if {
	c := {"env": [{"name": "DATABASE_URL", "value": "postgres://app:hunter22@db:5432/app"}, {"name": "CACHE_URL", "value": "redis://:${REDIS_PASSWORD}@cache:6379"}]}
	r := dp016.deny with input as deployment(c) with data.govlint.file as k8s
	count(r) == 1
}

test_lookalikes_are_quiet if {
	c := {"args": ["--model", "sk-learn-classifier-model-v1-final", "--served-model-name", "hf_model_alias_for_the_router_x"]}
	count(dp016.deny) == 0 with input as deployment(c) with data.govlint.file as k8s
	aws := {"env": [{"name": "AWS_ACCESS_KEY_ID", "value": "AKIAIOSFODNN7EXAMPLE"}]}
	count(dp016.deny) == 0 with input as deployment(aws) with data.govlint.file as k8s
}

compose := {"format": "compose"}

test_compose_environment if {
	m := {"services": {"api": {"image": "x", "environment": {"OPENAI_API_KEY": sk, "LOG_LEVEL": "info"}}}}
	r := dp016.deny with input as m with data.govlint.file as compose
	count(r) == 1
	some f in r
	f.path == ["services", "api", "environment", "OPENAI_API_KEY"]
	l := {"services": {"api": {"image": "x", "environment": ["HF_TOKEN=plaintextvalue", "UPSTREAM_URL=http://vllm:8000/v1", "API_KEY=${API_KEY}"]}}}
	r2 := dp016.deny with input as l with data.govlint.file as compose
	count(r2) == 1
	some f2 in r2
	f2.path == ["services", "api", "environment", 0]
	ok := {"services": {"api": {"image": "x", "env_file": ["./secrets/api.env"], "secrets": ["api_key"]}}, "secrets": {"api_key": {"file": "./secrets/api_key.txt"}}}
	count(dp016.deny) == 0 with input as ok with data.govlint.file as compose
}

helm := {"format": "helm-values"}

test_helm_values if {
	refs := {
		"vllmApiKey": {"secretName": "vllm", "secretKey": "VLLM_API_KEY"},
		"hf_token": "<your-hf-token>",
		"router": {"hf_token": ""},
		"gateway": {"existingSecret": "llm-gateway-upstream"},
	}
	count(dp016.deny) == 0 with input as refs with data.govlint.file as helm
	leak := {"modelSpec": [{"name": "m", "hf_token": "plain-token-value", "env": [{"name": "OPENAI_API_KEY", "value": "literal-api-key"}]}]}
	r := dp016.deny with input as leak with data.govlint.file as helm
	count(r) == 2
	some f in r
	f.path == ["modelSpec", 0, "hf_token"]
}

test_native_manifest_is_quiet if {
	count(dp016.deny) == 0 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest", "metadata": {"name": "d", "description": hf}}
		with data.govlint.file as {"format": "native"}
}

test_compose_command_string if {
	c := {"services": {"api": {"image": "x", "command": "serve --model m --api-key abcd-1234-efgh --port 8000"}}}
	r := dp016.deny with input as c with data.govlint.file as compose
	count(r) == 1
	some f in r
	f.path == ["services", "api", "command"]
	ok := {"services": {"api": {"image": "x", "command": "serve --model m --api-key ${VLLM_API_KEY}"}}}
	count(dp016.deny) == 0 with input as ok with data.govlint.file as compose
}

test_private_key_and_jwt_anywhere if {
	cm := {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {
		"tls.pem": pem,
		"client.conf": concat(" = ", ["auth", jwt]),
	}}
	count(dp016.deny) == 2 with input as cm with data.govlint.file as k8s
}

test_references_in_crds_and_annotations_are_quiet if {
	es := {"apiVersion": "external-secrets.io/v1beta1", "kind": "ExternalSecret", "metadata": {"name": "db"}, "spec": {"data": [{"secretKey": "DB_PASSWORD", "remoteRef": {"key": "prod/db", "property": "password"}}]}}
	count(dp016.deny) == 0 with input as es with data.govlint.file as k8s
	sealed := {"apiVersion": "bitnami.com/v1alpha1", "kind": "SealedSecret", "metadata": {"name": "db"}, "spec": {"encryptedData": {"password": "AgBy3i4OJSWK+PiTySYZZA9rO43cGDEq"}}}
	count(dp016.deny) == 0 with input as sealed with data.govlint.file as k8s
	values := {"ingress": {"annotations": {"nginx.ingress.kubernetes.io/auth-secret": "basic-auth"}}}
	count(dp016.deny) == 0 with input as values with data.govlint.file as helm
}

# A Helm values file nests as deep as its chart wants: the token twenty mappings down is found.
test_token_deep_in_helm_values_fires if {
	opening := concat("", [`{"level":` | some _ in numbers.range(1, 20)])
	closing := concat("", ["}" | some _ in numbers.range(1, 20)])
	values := json.unmarshal(sprintf(`%s{"apiToken":%s}%s`, [opening, json.marshal(hf), closing]))
	r := dp016.deny with input as values with data.govlint.file as {"format": "helm-values"}
	count(r) == 1
	some f in r
	count(f.path) == 21
	f.path[20] == "apiToken"
}

test_every_workload_document_is_evidence if {
	dp016.evidence with input as {"apiVersion": "v1", "kind": "ConfigMap", "data": {"a": "b"}} with data.govlint.file as {"format": "kubernetes"}
	dp016.evidence with input as {"replicaCount": 1} with data.govlint.file as helm
	not dp016.evidence with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest"} with data.govlint.file as {"format": "native"}
	count(dp016.no_subject) == 1 with input as {"apiVersion": "govlint.dev/v1", "kind": "DeploymentManifest"} with data.govlint.file as {"format": "native"}
}

# The value is judged, not only the key: a value that names a secret's key, an environment
# variable or a header, or holds a JSON document (KServe's storage credentials map), is not
# a secret; the plaintext API key of a values file still is.
test_values_that_name_keys_are_quiet if {
	creds := concat("", ["{\"gcs\": {\"gcsCredentialFileName\": \"gcloud-application-credentials.json\"}, ", "\"s3\": {\"s3AccessKeyIDName\": \"AWS_ACCESS_KEY_ID\", \"s3SecretAccessKeyName\": \"AWS_SECRET_ACCESS_KEY\"}}"])
	cm := {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "inferenceservice-config"}, "data": {"credentials": creds, "AUTH_TOKEN": "MY_TOKEN_VAR"}}
	count(dp016.deny) == 0 with input as cm with data.govlint.file as k8s
	router := {"routerSpec": {"sessionKey": "x-user-id", "apiKey": "Authorization"}}
	count(dp016.deny) == 0 with input as router with data.govlint.file as helm
	leak := {"servingEngineSpec": {"vllmApiKey": "abc123XYZ987"}}
	r := dp016.deny with input as leak with data.govlint.file as helm
	count(r) == 1
	some f in r
	f.path == ["servingEngineSpec", "vllmApiKey"]
}

# A JSON document is not a secret, but a credential inside one still is.
test_credential_inside_a_json_value_fires if {
	cm := {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}, "data": {"credentials": concat("", ["{\"token\": \"", hf, "\"}"])}}
	r := dp016.deny with input as cm with data.govlint.file as k8s
	count(r) == 1
	some f in r
	f.path == ["data", "credentials"]
}
