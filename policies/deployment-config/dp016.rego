# METADATA
# title: No secrets in plain text in deployment configs
# description: >-
#   API keys, tokens, passwords and private keys do not appear in plain text in workloads,
#   values or compose files; they are referenced from a secret store. Two signals, checked in
#   Kubernetes documents, docker-compose files and Helm values. By value shape, anywhere in the
#   file: OpenAI/Anthropic-style `sk-…` keys, Hugging Face `hf_…`, GitHub `ghp_…`/`github_pat_…`,
#   GitLab, Replicate, npm, Slack and Stripe tokens, AWS access key ids, Google API keys, JSON
#   Web Tokens, bearer tokens, private-key blocks and passwords inside URLs (`scheme://user:pw@`).
#   By name, where a literal is handed to the program as a secret: container `env` entries
#   (`{name, value}`, also in Helm values), compose `environment` (map or `KEY=value` list) and
#   build args, ConfigMap `data`, Helm values keys, and command-line flags in `args`/`command`
#   (`--api-key sk-…`, `--token=…`), when the name's last word is a secret noun (TOKEN,
#   PASSWORD, API_KEY, SECRET_ACCESS_KEY, CLIENT_SECRET, CREDENTIALS…; not TOKENS, TOKENIZER,
#   *_FILE, *_PATH, *_NAME, *_ID). Other Kubernetes kinds (ExternalSecret, SealedSecret and other
#   CRDs keep references and ciphertext under secret-sounding keys), labels and annotations are
#   checked by shape only. Not findings: references to Kubernetes Secrets
#   (`valueFrom.secretKeyRef`, `envFrom.secretRef`, Helm `{secretName, secretKey}` objects,
#   `existingSecret`), compose `secrets:`/`env_file`, `${VAR}`, `$(VAR)`, `$VAR` and `{{ … }}`
#   placeholders, empty values, paths and URLs without credentials, and obvious placeholders
#   (`<your-token>`, `changeme`, `REPLACE_ME`, `your-api-key`, `xxxx`, `…-here`): a placeholder
#   is not a credential, and whether a template's default is replaced before deployment is the
#   deploying team's process, not something a linter can see. A Kubernetes `Secret` is the secret
#   store, so its keys are not judged by name; but a `stringData` value (or a base64-decoded
#   `data` value) that has the shape of a real credential is reported, because committing it
#   puts the credential in the repository in clear text (base64 is an encoding) — commit
#   SealedSecrets, SOPS-encrypted files or ExternalSecrets instead. Values are never printed in
#   full in messages.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/secret/
#     description: Kubernetes Secrets, and using them as environment variables
#   - ref: https://kubernetes.io/docs/concepts/security/secrets-good-practices/
#     description: Kubernetes, good practices for Secrets
#   - ref: https://docs.docker.com/reference/compose-file/secrets/
#     description: Compose secrets
#   - ref: https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/
#     description: OWASP Top 10 A07, hard-coded credentials
# custom:
#   id: DP016
#   severity: error
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: credential and key management of the serving stack"
#     baseline: hygiene
#   remediation: >-
#     Move the value into a Secret and reference it (`valueFrom.secretKeyRef`, `envFrom.secretRef`,
#     the chart's `existingSecret`/`secretName`, compose `secrets:` or `env_file` kept out of the
#     repository); rotate any credential that was committed.
#   examples:
#     pass: "env: [{name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf-secret, key: token}}}]"
#     fail: "env: [{name: HF_TOKEN, value: a-plain-text-token}]"
#   evidence:
#     needs: >-
#       every value of the workload documents (Kubernetes manifests, compose files, Helm values)
#   i18n:
#     zh-CN:
#       title: 部署配置中不得出现明文密钥
#       description: >-
#         API Key、令牌、口令和私钥不得以明文形式出现在工作负载、Helm values 或 compose 文件中，应通过密钥
#         管理系统引用，落实《大模型落地路线图研究报告（2024年）》安全可信层对凭据与密钥管理的要求。按取值特征
#         （`sk-…`、`hf_…`、`ghp_…`、AWS 访问密钥、JWT、私钥块、URL 中的口令等）在全文检查；按名称（TOKEN、
#         PASSWORD、API_KEY 等）检查容器 `env`、compose `environment`、ConfigMap、Helm values 与命令行参数（其他 Kubernetes
#         资源类型如 ExternalSecret、SealedSecret 以及标签、注解只按取值特征检查）。
#         引用 Kubernetes Secret（`secretKeyRef`、`secretRef`、`existingSecret`）、`${VAR}` 等占位符、空值和
#         `<your-token>`、`changeme` 之类明显的占位文本不视为问题。Kubernetes `Secret` 对象本身是密钥存储，
#         不按键名判断；但若其 `stringData`（或 base64 解码后的 `data`）中是真实凭据形态的值，则视为凭据已
#         明文提交到代码仓库（base64 只是编码），应改用 SealedSecrets、SOPS 或 ExternalSecrets。
#       remediation: >-
#         将该值移入 Secret 并以引用方式使用（`valueFrom.secretKeyRef`、`envFrom.secretRef`、chart 的
#         `existingSecret`/`secretName`、compose 的 `secrets:` 或不入库的 `env_file`）；已提交的凭据应立即轮换。
#       evidence: >-
#         工作负载文档（Kubernetes 清单、compose 文件、Helm values）
#         中的所有取值。
#       clauses:
#         caict-roadmap-2024: "安全可信：服务栈的凭据与密钥管理"
#       messages:
#         "the top level": "顶层"
#         "`%s` is set in plain text at %s (`%s`)": "`%s` 在 %s 处以明文设置（`%s`）"
#         "env `%s` at %s": "%[2]s 处的环境变量 `%[1]s`"
#         "flag `%s` is given a plain-text value at %s (`%s`)": "参数 `%s` 在 %s 处被赋予明文值（`%s`）"
#         "%s holds %s in plain text (`%s`)": "%s 以明文形式包含 %s（`%s`）"
#         "%s of the Secret decodes to %s: base64 is not encryption, and the credential is committed": "Secret 的 %s 解码后为 %s：base64 并非加密，凭据已提交到代码仓库"
#         "%s; reference a secret instead": "%s；请改为引用 Secret"
#         "an API key (sk-…)": "API 密钥（sk-…）"
#         "a Hugging Face token": "Hugging Face 令牌"
#         "a GitHub token": "GitHub 令牌"
#         "a GitLab token": "GitLab 令牌"
#         "a Replicate token": "Replicate 令牌"
#         "an npm token": "npm 令牌"
#         "an AWS access key id": "AWS 访问密钥 ID"
#         "a Google API key": "Google API 密钥"
#         "a Slack token": "Slack 令牌"
#         "a Stripe live key": "Stripe 生产环境密钥"
#         "a private key": "私钥"
#         "a JSON Web Token": "JSON Web Token（JWT）"
#         "a bearer token": "Bearer 令牌"
package govlint.rules.dp016

import data.govlint.lib.deploy
import rego.v1

# ---------------------------------------------------------------------------------------------
# What a credential looks like
# ---------------------------------------------------------------------------------------------

# `classes`: character classes a real (random) credential of that kind contains, which tells
# `sk-learn-model-v1` from `sk-Ab3…`.
shapes := [
	{"what": "an API key (sk-…)", "needles": ["sk-"], "re": `\bsk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}`, "classes": ["[a-z]", "[A-Z]"]},
	{"what": "a Hugging Face token", "needles": ["hf_"], "re": `\bhf_[A-Za-z0-9]{30,}`, "classes": ["[a-z]", "[A-Z]"]},
	{"what": "a GitHub token", "needles": ["gh", "github_pat_"], "re": `\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})`, "classes": ["[a-z]", "[A-Z]"]},
	{"what": "a GitLab token", "needles": ["glpat-"], "re": `\bglpat-[A-Za-z0-9_-]{20,}`, "classes": []},
	{"what": "a Replicate token", "needles": ["r8_"], "re": `\br8_[A-Za-z0-9]{30,}`, "classes": ["[a-z]", "[A-Z]"]},
	{"what": "an npm token", "needles": ["npm_"], "re": `\bnpm_[A-Za-z0-9]{36}`, "classes": ["[a-z]", "[A-Z]"]},
	{"what": "an AWS access key id", "needles": ["AKIA", "ASIA"], "re": `\b(?:AKIA|ASIA)[A-Z0-9]{16}\b`, "classes": []},
	{"what": "a Google API key", "needles": ["AIza"], "re": `\bAIza[0-9A-Za-z_-]{35}`, "classes": []},
	{"what": "a Slack token", "needles": ["xox"], "re": `\bxox[abposr]-[A-Za-z0-9-]{10,}`, "classes": []},
	{"what": "a Stripe live key", "needles": ["k_live_"], "re": `\b[rs]k_live_[0-9A-Za-z]{20,}`, "classes": []},
	{"what": "a private key", "needles": ["-----BEGIN "], "re": `-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----`, "classes": []},
	{"what": "a JSON Web Token", "needles": ["eyJ"], "re": `\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}`, "classes": []},
	{"what": "a bearer token", "needles": ["Bearer", "bearer"], "re": `\b[Bb]earer\s+[A-Za-z0-9._~+/-]{20,}`, "classes": ["[0-9]"]},
]

# Documentation examples that have the shape but are published as examples.
documented_example(m) if endswith(m, "EXAMPLE")

documented_example(m) if regex.match(`(?i)x{6,}|\*{4,}|0{12,}`, m)

# Every shape needs one of its `needles` (a literal part of its pattern) and at least
# `shortest` characters: cheap string tests, so that the pattern runs on candidates only.
shortest := 15

shape_match(shape, s) if {
	some needle in shape.needles
	contains(s, needle)
	some m in regex.find_n(shape.re, s, -1)
	not documented_example(m)
	every cls in shape.classes {
		regex.match(cls, m)
	}
}

# A password inside a URL: `scheme://user:password@host`.
url_password(s) if {
	contains(s, "://")
	contains(s, "@")
	some m in regex.find_n(`[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@]+:[^/\s@]+@`, s, -1)
	rest := split(m, "://")[1]
	userinfo := trim_suffix(rest, "@")
	pw := substring(userinfo, indexof(userinfo, ":") + 1, -1)
	not placeholder(pw)
	not startswith(pw, "$")
}

# The kind of credential a string contains (the first that matches), if any.
credential(s) := kinds[0] if {
	kinds := array.concat([shape.what | count(s) >= shortest; some shape in shapes; shape_match(shape, s)], [w | url_password(s); w := "a password in a URL"])
	count(kinds) > 0
}

# ---------------------------------------------------------------------------------------------
# Names that announce a secret, and values that are literal secrets
# ---------------------------------------------------------------------------------------------

words(n) := [w | some w in regex.split(`[^a-z0-9]+`, lower(regex.replace(n, `([a-z0-9])([A-Z])`, "${1}_${2}"))); w != ""]

secret_nouns := {"token", "password", "passwd", "passphrase", "apikey", "credential", "credentials", "secretkey", "accesskey", "privatekey", "clientsecret"}

key_qualifiers := {"api", "access", "secret", "private", "auth", "client", "encryption", "signing", "master", "license", "session", "hmac", "ssh", "service", "subscription", "admin", "account", "app"}

secret_qualifiers := {"client", "shared", "jwt", "webhook", "signing", "app", "session", "hmac", "api", "cookie", "oauth", "consumer", "auth", "token"}

secret_word(w) if w in secret_nouns

secret_word(w) if {
	some suffix in ["token", "password", "apikey"]
	endswith(w, suffix)
}

# A name whose last word (or last two) says it holds a secret. `secret_words` needs the last
# word to end in one of these; testing that on the lowered name first spares most names
# (`KEY_1`, `keyFile`) the split into words.
secret_name(n) if {
	is_string(n)
	regex.match(`(token|password|passwd|passphrase|key|credentials?|secret)[^a-z0-9]*$`, lower(n))
	secret_words(words(n))
}

secret_words(ws) if {
	count(ws) > 0
	secret_word(ws[count(ws) - 1])
}

secret_words(ws) if {
	count(ws) > 1
	ws[count(ws) - 1] == "key"
	ws[count(ws) - 2] in key_qualifiers
}

secret_words(ws) if {
	count(ws) > 1
	ws[count(ws) - 1] == "secret"
	ws[count(ws) - 2] in secret_qualifiers
}

placeholder_pattern := concat("", [
	`(?i)^(`,
	`<.*>|\$\{.*\}|\$\(.*\)|\$[A-Za-z_][A-Za-z0-9_]*|%\{.*\}|#\{.*\}|\[.*\]`,
	`|change[-_ ]?me|change[-_ ]?it|replace[-_ ]?me|replace[-_ ].*|todo|tbd|fixme|placeholder|dummy|redacted|masked`,
	`|secret|password|passwd|token|api[-_ ]?key|none|null|nil|empty|n/?a`,
	`|x{3,}|\*{3,}|\.{3,}|…|your[-_ ].*|.*[-_ ]here`,
	`)$`,
])

placeholder(v) if regex.match(placeholder_pattern, trim_space(v))

placeholder(v) if contains(v, "{{")

# References to an external secret manager rather than the secret itself.
secret_reference(v) if regex.match(`(?i)^(vault:|arn:aws:(secretsmanager|ssm):|projects/[^/]+/secrets/|op://|ref\+|sm://|awssm:|azurekv:|gcpsm:)`, v)

# A literal that would be used as a secret: not empty, not a placeholder, not a flag value such
# as a boolean or a count, not a path or a credential-free URL.
literal(v) if {
	is_string(v)
	t := trim_space(v)
	count(t) >= 4
	not placeholder(t)
	not secret_reference(t)
	not regex.match(`^[0-9.]+$`, t)
	not lower(t) in {"true", "false", "yes", "no", "on", "off", "enabled", "disabled", "auto", "none", "null"}
	not regex.match(`^(/|\./|\.\./|~/|file:)`, t)
	not plain_url(t)
	not names_a_key(t)
	not structured(t)
}

# A value that names where a secret is rather than holding it: an environment variable name
# (`AWS_SECRET_ACCESS_KEY`, the key a KServe credentials map points at) or an HTTP header name
# (`sessionKey: x-user-id`, the header a router reads the session from).
names_a_key(t) if regex.match(`^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$`, t)

names_a_key(t) if regex.match(`(?i)^(x-[a-z0-9]+(-[a-z0-9]+)*|authorization|proxy-authorization|cookie|api-key)$`, t)

# A JSON document or a multi-line text (a config file or script held in a ConfigMap): not one
# secret. The credentials it may hold are found by their shapes, like any other string's.
structured(t) if {
	regex.match(`^[\[{]`, t)
	json.is_valid(t)
}

structured(t) if contains(t, "\n")

plain_url(t) if {
	regex.match(`^[A-Za-z][A-Za-z0-9+.-]*://`, t)
	not regex.match(`://[^/@\s]+@`, t)
}

mask(v) := concat("", [substring(trim_space(v), 0, 4), "…"])

# ---------------------------------------------------------------------------------------------
# Where values are
# ---------------------------------------------------------------------------------------------

is_secret_object if {
	data.govlint.lib.deploy.format == "kubernetes"
	input.kind == "Secret"
}

# Objects that point at a secret instead of holding it; their fields are names, not values.
reference_keys := {"secretName", "secretKeyRef", "secretRef", "existingSecret", "valueFrom", "envFrom"}

under_reference(p) if {
	parent := object.get(input, array.slice(p, 0, count(p) - 1), null)
	is_object(parent)
	some k in object.keys(parent)
	k in reference_keys
}

under_reference(p) if {
	some k in p
	k in {"secretKeyRef", "secretRef", "valueFrom", "envFrom"}
}

# Every string leaf of a workload document, but those of a Helm values section that is switched
# off (`enabled: false`).
leaves := data.govlint.lib.deploy.strings if {
	data.govlint.lib.deploy.workload
	data.govlint.lib.deploy.format != "helm-values"
}

leaves := [[p, v] | some [p, v] in data.govlint.lib.deploy.strings; not deploy.helm_disabled(p)] if {
	data.govlint.lib.deploy.format == "helm-values"
}

default leaves := []

# 1. Credential shapes in any string, except the base64 `data` of a Secret (decoded below).
# The literal prefixes of the shapes, as one pattern: a leaf holds no credential shape without one.
needle_pattern := concat("|", [n | some shape in shapes; some needle in shape.needles; n := regex.replace(needle, `[-\[\]{}()*+?.,\\^$|#\s]`, `\$0`)])

# Leaves that may hold a credential, found with one builtin call per leaf: a leaf without a
# shape's prefix or a URL with user information cannot, and most leaves have neither.
candidates := [[p, v] | some [p, v] in leaves; regex.match(candidate_pattern, v)]

candidate_pattern := concat("|", [needle_pattern, "://.*@"])

shape_findings contains [p, sprintf("%s holds %s in plain text (`%s`)", [label(p), what, mask(v)])] if {
	some [p, v] in candidates
	not secret_data(p)
	what := credential(v)
}

secret_data(p) if {
	is_secret_object
	p[0] == "data"
}

shape_findings contains [p, sprintf("%s of the Secret decodes to %s: base64 is not encryption, and the credential is committed", [deploy.place(p), what])] if {
	is_secret_object
	is_object(input.data)
	some k, v in input.data
	is_string(v)
	base64.is_valid(v)
	what := credential(base64.decode(v))
	p := ["data", k]
}

shape_paths := {p | some [p, _] in shape_findings}

# How to name a place in a message: the env variable when it is one, else the path.
label(p) := sprintf("env `%s` at %s", [name, deploy.place(p)]) if {
	count(p) > 0
	p[count(p) - 1] == "value"
	name := object.get(input, array.concat(array.slice(p, 0, count(p) - 1), ["name"]), null)
	is_string(name)
}

label(p) := deploy.place(p) if {
	not env_value(p)
}

env_value(p) if {
	count(p) > 0
	p[count(p) - 1] == "value"
	is_string(object.get(input, array.concat(array.slice(p, 0, count(p) - 1), ["name"]), null))
}

# The leaves under a `value` key (env entries), and the items of command-line lists with their
# index, each gathered in one pass over the leaves.
value_leaves := [[p, v] | some [p, v] in leaves; n := count(p); n > 0; p[n - 1] == "value"]

flag_leaves := [[p, v, i] | some [p, v] in leaves; n := count(p); n > 1; p[n - 2] in flag_lists; i := p[n - 1]; is_number(i)]

# 2a. `{name: X, value: Y}` pairs: container env entries, Helm env lists.
name_findings contains [p, sprintf("`%s` is set in plain text at %s (`%s`)", [name, deploy.place(p), mask(v)])] if {
	not is_secret_object
	some [p, v] in value_leaves
	parent := object.get(input, array.slice(p, 0, count(p) - 1), null)
	name := parent.name
	secret_name(name)
	literal(v)
}

# 2b. Mapping keys where the key names the value: ConfigMap `data` (not a secret store),
# compose `environment` maps and `build.args`, and Helm values keys. Other Kubernetes kinds
# (CRDs such as ExternalSecret or SealedSecret) hold references and ciphertext under
# secret-sounding keys, so only credential shapes are looked for there.
name_findings contains [p, sprintf("`%s` is set in plain text at %s (`%s`)", [key, deploy.place(p), mask(v)])] if {
	some [p, v] in named_leaves
	key := p[count(p) - 1]
	secret_name(key)
	not contains(key, "/")
	key != "secretKey"
	not under_reference(p)
	not under_metadata(p)
	literal(v)
}

# The leaves whose key names their value, in the documents that have such keys (the format is
# tested once per document, not per leaf).
named_leaves := [[p, v] | some [p, v] in leaves; count(p) == 2; p[0] == "data"] if {
	data.govlint.lib.deploy.format == "kubernetes"
	input.kind == "ConfigMap"
}

named_leaves := [[p, v] | some [p, v] in leaves; compose_named(p)] if data.govlint.lib.deploy.format == "compose"

named_leaves := [[p, v] | some [p, v] in leaves; count(p) > 0] if data.govlint.lib.deploy.format == "helm-values"

default named_leaves := []

compose_named(p) if {
	count(p) == 4
	p[0] == "services"
	p[2] == "environment"
}

compose_named(p) if {
	count(p) == 5
	p[0] == "services"
	p[2] == "build"
	p[3] == "args"
}

# Labels and annotations name other things (`…/auth-secret: basic-auth` names a Secret).
under_metadata(p) if {
	some k in p
	is_string(k)
	regex.match(`(?i)(annotations|labels)$`, k)
}

# 2c. `KEY=value` list items: compose `environment` and `build.args`.
name_findings contains [p, sprintf("`%s` is set in plain text at %s (`%s`)", [key, deploy.place(p), mask(value)])] if {
	data.govlint.lib.deploy.format == "compose"
	some [p, v] in leaves
	count(p) > 1
	p[count(p) - 2] in {"environment", "args"}
	is_number(p[count(p) - 1])
	contains(v, "=")
	key := split(v, "=")[0]
	value := substring(v, indexof(v, "=") + 1, -1)
	secret_name(key)
	literal(value)
}

# 2d. Command-line flags: `--api-key=sk-…` and `--api-key sk-…`.
flag_lists := {"args", "command", "extraArgs", "entrypoint"}

flag_name(arg) := trim_left(split(arg, "=")[0], "-") if regex.match(`^--?[A-Za-z][A-Za-z0-9_.-]*(=|$)`, arg)

name_findings contains [p, sprintf("flag `%s` is given a plain-text value at %s (`%s`)", [split(v, "=")[0], deploy.place(p), mask(value)])] if {
	not is_secret_object
	some [p, v, _] in flag_leaves
	contains(v, "=")
	secret_name(flag_name(v))
	value := substring(v, indexof(v, "=") + 1, -1)
	literal(value)
}

name_findings contains [next, sprintf("flag `%s` is given a plain-text value at %s (`%s`)", [v, deploy.place(next), mask(value)])] if {
	not is_secret_object
	some [p, v, i] in flag_leaves
	not contains(v, "=")
	secret_name(flag_name(v))
	next := array.concat(array.slice(p, 0, count(p) - 1), [i + 1])
	value := object.get(input, next, null)
	is_string(value)
	not startswith(value, "-")
	literal(value)
}

# A compose `command:` written as one string.
name_findings contains [p, sprintf("flag `%s` is given a plain-text value at %s (`%s`)", [flag, deploy.place(p), mask(value)])] if {
	data.govlint.lib.deploy.format == "compose"
	some [p, v] in leaves
	count(p) == 3
	p[2] in {"command", "entrypoint"}
	tokens := [t | some t in split(v, " "); t != ""]
	some i, flag in tokens
	secret_name(flag_name(flag))
	value := flag_value(tokens, i)
	literal(value)
}

flag_value(tokens, i) := substring(tokens[i], indexof(tokens[i], "=") + 1, -1) if contains(tokens[i], "=")

flag_value(tokens, i) := tokens[i + 1] if {
	not contains(tokens[i], "=")
	not startswith(tokens[i + 1], "-")
}

deny contains {"msg": msg, "path": p} if {
	some [p, msg] in shape_findings
}

deny contains {"msg": sprintf("%s; reference a secret instead", [msg]), "path": p} if {
	some [p, msg] in name_findings
	not p in shape_paths
}

# What the rule judges (docs/policies.md, "Evidence"): every value of a workload document
# (Kubernetes, compose, Helm values). A DeploymentManifest is none of its business.
evidence if data.govlint.lib.deploy.workload

no_subject contains r if r := data.govlint.lib.deploy.manifest_no_workload
