//! Where OPA and govlint's Rego engine (regorus) part ways, said where the policy does it.
//!
//! A conftest policy that OPA runs should run here unchanged, and mostly does; docs/policies.md
//! ("Differences from OPA") lists what does not, each with a rewrite. Two kinds are caught when
//! the policies compile, so that the author reads the construct and its rewrite at the line
//! that has it instead of an engine's terse error (or none):
//! - calls to the OPA builtins that govlint does not have: regorus would fail on them only when
//!   a document reaches the call, as a `policy-error` on that document (OPA refuses an unknown
//!   function when it compiles, which is what govlint does here);
//! - the compile errors regorus gives on constructs OPA accepts, which get a help naming the
//!   construct and the rewrite (see [`hint`]).

use std::sync::Arc;

use super::recursion::blank_comments_and_strings;
use super::RegoFile;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{SourceFile, Span};
use crate::error::ToolError;

/// The builtins of OPA v1.20 (its capabilities file) that govlint's engine does not provide, and
/// the three conftest adds for its tests, with what to do instead. A unit test holds each to
/// being absent from the engine.
pub const MISSING: &[(&str, &str)] = &[
    ("all", DEPRECATED),
    ("any", DEPRECATED),
    ("array.flatten", "flatten with a comprehension, one level at a time: `[x | some a in arr; some x in a]`"),
    ("base64url.decode", BASE64URL),
    ("base64url.encode", BASE64URL),
    ("base64url.encode_no_pad", BASE64URL),
    ("crypto.hmac.equal", CRYPTO),
    ("crypto.hmac.md5", CRYPTO),
    ("crypto.hmac.sha1", CRYPTO),
    ("crypto.hmac.sha256", CRYPTO),
    ("crypto.hmac.sha512", CRYPTO),
    ("crypto.md5", CRYPTO),
    ("crypto.parse_private_keys", CRYPTO),
    ("crypto.sha1", CRYPTO),
    ("crypto.sha256", CRYPTO),
    ("crypto.x509.parse_and_verify_certificates", CRYPTO),
    ("crypto.x509.parse_and_verify_certificates_with_options", CRYPTO),
    ("crypto.x509.parse_certificate_request", CRYPTO),
    ("crypto.x509.parse_certificates", CRYPTO),
    ("crypto.x509.parse_keypair", CRYPTO),
    ("crypto.x509.parse_rsa_private_key", CRYPTO),
    ("graphql.is_valid", UNAVAILABLE),
    ("graphql.parse", UNAVAILABLE),
    ("graphql.parse_and_verify", UNAVAILABLE),
    ("graphql.parse_query", UNAVAILABLE),
    ("graphql.parse_schema", UNAVAILABLE),
    ("graphql.schema_is_valid", UNAVAILABLE),
    ("http.send", SANDBOX),
    ("io.jwt.decode", CRYPTO),
    ("io.jwt.decode_verify", CRYPTO),
    ("io.jwt.encode_sign", CRYPTO),
    ("io.jwt.encode_sign_raw", CRYPTO),
    ("io.jwt.verify_eddsa", CRYPTO),
    ("io.jwt.verify_es256", CRYPTO),
    ("io.jwt.verify_es384", CRYPTO),
    ("io.jwt.verify_es512", CRYPTO),
    ("io.jwt.verify_hs256", CRYPTO),
    ("io.jwt.verify_hs384", CRYPTO),
    ("io.jwt.verify_hs512", CRYPTO),
    ("io.jwt.verify_ps256", CRYPTO),
    ("io.jwt.verify_ps384", CRYPTO),
    ("io.jwt.verify_ps512", CRYPTO),
    ("io.jwt.verify_rs256", CRYPTO),
    ("io.jwt.verify_rs384", CRYPTO),
    ("io.jwt.verify_rs512", CRYPTO),
    ("json.match_schema", SCHEMA),
    ("json.patch", "build the patched value with `object.union`, `object.remove` or `json.remove`"),
    ("json.verify_schema", SCHEMA),
    ("net.cidr_contains", CIDR),
    ("net.cidr_contains_matches", CIDR),
    ("net.cidr_expand", CIDR),
    ("net.cidr_intersects", CIDR),
    ("net.cidr_is_valid", CIDR),
    ("net.cidr_merge", CIDR),
    ("net.cidr_overlap", CIDR),
    ("net.lookup_ip_addr", SANDBOX),
    ("opa.runtime", SANDBOX),
    ("parse_combined_config_files", CONFTEST),
    ("parse_config", CONFTEST),
    ("parse_config_file", CONFTEST),
    ("providers.aws.sign_req", SANDBOX),
    ("regex.globs_match", UNAVAILABLE),
    ("rego.metadata.chain", METADATA),
    ("rego.metadata.rule", METADATA),
    ("rego.parse_module", UNAVAILABLE),
    ("strings.render_template", "format the text with `sprintf` (`sprintf(\"%s is %d\", [a, b])`)"),
    ("strings.split_n", "split with `split` and join the tail again with `concat`, or use `regex.split`"),
    ("uri.is_valid", UNAVAILABLE),
    ("uri.parse", UNAVAILABLE),
    ("urlquery.decode", UNAVAILABLE),
    ("urlquery.decode_object", UNAVAILABLE),
    ("urlquery.encode", UNAVAILABLE),
    ("urlquery.encode_object", UNAVAILABLE),
    ("uuid.parse", UNAVAILABLE),
    ("uuid.rfc4122", UNAVAILABLE),
    ("yaml.is_valid", YAML),
    ("yaml.marshal", YAML),
    ("yaml.unmarshal", YAML),
];

const DEPRECATED: &str = "deprecated in OPA too: write `every x in xs { … }` for all, `some x in xs` for any";
const BASE64URL: &str =
    "use base64 and swap the two characters: `strings.replace_n({\"+\": \"-\", \"/\": \"_\"}, base64.encode(x))` (and the reverse before `base64.decode`)";
const CRYPTO: &str =
    "hashes, signatures, keys and tokens are not computed by policies here: compute the value the policy compares (a digest, a decoded claim) before govlint runs and pass it with -d";
const SANDBOX: &str = "a policy reaches nothing outside its input and data (README: \"What a policy may touch\"); pass what it needs with -d";
const CIDR: &str = "CIDR arithmetic is not built in: compare addresses as text (`startswith(ip, \"10.\")`), or pass the ranges already expanded with -d";
const SCHEMA: &str = "JSON Schema validation runs before the policies, against govlint's schemas (`govlint schema`), not inside a policy";
const YAML: &str = "govlint parses YAML before the policies run; a policy sees the parsed values, and no builtin parses YAML text";
const METADATA: &str = "govlint reads the METADATA block itself (rule ids, severities, clauses); write in the policy the values it needs";
const CONFTEST: &str = "a builtin of conftest's, for its tests: give the parsed document itself (`deny with input as {…}`)";
const UNAVAILABLE: &str = "not available here: see docs/policies.md, \"Differences from OPA\"";

/// Refuses user policies that call an OPA builtin govlint lacks: a `policy-compile` error at
/// each call in the first file that has one, naming the builtins and what to do instead.
pub fn check_builtins(files: &[RegoFile]) -> Result<(), ToolError> {
    for f in files.iter().filter(|f| !f.builtin) {
        let calls = missing_calls(&f.source.text);
        if calls.is_empty() {
            continue;
        }
        let mut names: Vec<&str> = calls.iter().map(|(_, n, _)| *n).collect();
        names.dedup();
        let diagnostics = calls
            .iter()
            .map(|&(at, name, help)| {
                Diagnostic::at(
                    &f.source,
                    Span::new(at, at + name.len()),
                    "policy-compile",
                    Severity::Error,
                    format!("`{name}` is a builtin of OPA that govlint's Rego engine does not have"),
                )
                .with_label("not built in")
                .with_help(help)
            })
            .collect();
        return Err(ToolError::with_diagnostics(
            format!("policy {} does not compile: it calls {}, which govlint does not have", f.path, names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")),
            Arc::clone(&f.source),
            diagnostics,
        ));
    }
    Ok(())
}

/// Each call of a missing builtin in `text` (comments and strings aside): its offset, name and
/// help, in text order.
fn missing_calls(text: &str) -> Vec<(usize, &'static str, &'static str)> {
    let code = blank_comments_and_strings(text);
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for &(name, help) in MISSING {
        for (at, _) in code.match_indices(name) {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            // Not the tail of a longer reference (`data.x.crypto.md5`) or name.
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.') {
                continue;
            }
            let rest = code[at + name.len()..].trim_start_matches([' ', '\t']);
            if rest.starts_with('(') {
                out.push((at, name, help));
            }
        }
    }
    out.sort_by_key(|(at, ..)| *at);
    out
}

/// What to do about a compile error regorus gives at `offset` in `source` on a construct that
/// OPA accepts (or refuses with a clearer word), when it is one of them.
pub fn hint(message: &str, source: &SourceFile, offset: usize) -> Option<String> {
    let text = &source.text;
    let at = text.get(offset..).unwrap_or("");
    if message.starts_with("`if` keyword is required") || message.starts_with("`contains` keyword is required") {
        return Some(
            "this is Rego v0 syntax (OPA before 1.0, and many conftest policies): run with `--rego-version v0`, or write `deny contains msg if { … }` for `deny[msg] { … }` and `allow if { … }` for `allow { … }`"
                .to_string(),
        );
    }
    if message.starts_with("invalid character") && (at.starts_with("$\"") || at.starts_with("$`")) {
        return Some(
            "template strings (`$\"… {expr} …\"`, OPA 1.x) are not supported: write `sprintf(\"… %v …\", [expr])`".to_string(),
        );
    }
    let var = message.strip_prefix("var `")?.split_once("` used before definition")?.0;
    (in_comprehension(text, offset) && declares_later(text, offset, var)).then(|| {
        format!(
            "OPA reads the `{var}` used here as the one bound before the comprehension, and `{var} :=` inside it as a new variable that shadows it; this engine reads one variable and refuses. To keep OPA's meaning, rename the variable declared inside the comprehension (`{var} :=` and its uses after it, the comprehension's head too), e.g. `{var}2 := …`"
        )
    })
}

/// What to do about an error regorus gives while evaluating a construct that OPA accepts.
pub fn runtime_hint(error: &str) -> Option<String> {
    let rest = error.split_once("duplicated definition of local variable ")?.1;
    let var: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
    Some(format!(
        "OPA lets `some {var}` (or `{var} :=`) inside a comprehension declare a variable of its own beside one of the same name in the rule's body; this engine does not. Rename one of the two, or drop a `some {var}` that the body does not use otherwise"
    ))
}

/// Whether `offset` lies in the body of a comprehension: a `[` or `{` still open there whose
/// content before `offset` has a `|` at its own level.
fn in_comprehension(text: &str, offset: usize) -> bool {
    let code = blank_comments_and_strings(text);
    let bytes = code.as_bytes();
    let end = offset.min(bytes.len());
    // Open brackets before `offset`, innermost last, each with whether a `|` followed it.
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (i, &b) in bytes[..end].iter().enumerate() {
        match b {
            b'[' | b'{' | b'(' => open.push((i, false)),
            b']' | b'}' | b')' => {
                open.pop();
            }
            b'|' => {
                if let Some(last) = open.last_mut() {
                    last.1 = true;
                }
            }
            _ => {}
        }
    }
    open.into_iter().any(|(i, bar)| bar && bytes[i] != b'(')
}

/// Whether `var :=` follows `offset` before the bracket level of `offset` closes.
fn declares_later(text: &str, offset: usize, var: &str) -> bool {
    let code = blank_comments_and_strings(text);
    let bytes = code.as_bytes();
    let mut depth = 0i32;
    let mut i = offset;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' | b'(' => depth += 1,
            b']' | b'}' | b')' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
        if code[i..].starts_with(var) {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let rest = code[i + var.len()..].trim_start_matches([' ', '\t']);
            if before.is_none_or(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'.')) && rest.starts_with(":=") {
                return true;
            }
        }
        i += 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_listed_is_missing_from_the_engine() {
        for (name, _) in MISSING {
            let mut engine = regorus::Engine::new();
            engine.add_policy("t.rego".to_string(), format!("package t\nx := {name}(1)\n")).unwrap();
            let err = engine.eval_rule("data.t.x".to_string()).expect_err(name).to_string();
            assert!(err.contains(&format!("could not find function {name}")), "{name}: {err}");
        }
        // And the list is sorted, without repeats.
        assert!(MISSING.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn calls_are_found_outside_comments_and_strings() {
        let text = "package p\n# crypto.sha256(x) in a comment\nx := crypto.sha256 (\"crypto.md5(\")\ny := data.q.crypto.md5(1)\nz := net.cidr_contains(a, b)\n";
        let found: Vec<&str> = missing_calls(text).iter().map(|(_, n, _)| *n).collect();
        assert_eq!(found, ["crypto.sha256", "net.cidr_contains"]);
    }

    #[test]
    fn a_comprehension_that_redeclares_a_variable_gets_the_rename() {
        let text = "package p\nr if {\n\tname := input.a\n\tocc := [name | some i; input[i].b == name; name := input[i].c]\n}\n";
        let src = SourceFile::new("p.rego", text.to_string());
        let use_at = text.find("== name").unwrap() + 3;
        let h = hint("var `name` used before definition below.", &src, use_at).unwrap();
        assert!(h.contains("rename the variable declared inside the comprehension") && h.contains("`name2 := …`"), "{h}");
        // Outside a comprehension there is nothing to say.
        let text = "package p\nr if {\n\tx == y\n\ty := 1\n}\n";
        let src = SourceFile::new("p.rego", text.to_string());
        assert_eq!(hint("var `y` used before definition below.", &src, text.find("y\n").unwrap()), None);
    }
}
