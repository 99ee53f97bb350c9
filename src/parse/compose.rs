//! A docker-compose file as docker compose reads it. Compose interpolates every string value
//! (`${VAR}` references) and then casts the text at its boolean fields: `"true"`, `"yes"`,
//! `"on"`, `"y"` (in any case) are true, `"false"`, `"no"`, `"off"`, `"n"` false, quoted or not.
//! A service with `privileged: "true"`, `privileged: yes` or `privileged: ${PRIVILEGED:-true}`
//! runs privileged, so a rule must see `true` there; one with `image:
//! ${IMAGE:-vllm/vllm-openai:latest}` runs `vllm/vllm-openai:latest`.
//!
//! The reading is the one compose makes when no variable is set: a reference with a default
//! (`${VAR:-word}`, `${VAR-word}`, nested ones too) is its default, `$$` is `$`. A value with a
//! reference that has none (`$VAR`, `${VAR}`, `${VAR:?error}`, `${VAR:+other}`), or that compose
//! would reject, stays the text it is: the file does not say what it holds. Keys are not
//! interpolated (compose does not), nor are `.env` files read.

use serde_json::Value;

use super::Document;

/// The boolean fields of a service (and of its `pre_start` containers) that compose casts from
/// text, of those a service's security and behaviour turn on.
pub const BOOLEAN_FIELDS: &[&str] = &["privileged", "read_only", "init", "oom_kill_disable", "stdin_open", "tty"];

/// Reads a compose document as compose does with no variable set: its string values
/// interpolated, then the text at the boolean fields of every service cast.
pub fn resolve(doc: &mut Document) {
    interpolate(&mut doc.value);
    let Some(services) = doc.value.get_mut("services").and_then(Value::as_object_mut) else { return };
    for service in services.values_mut().filter_map(Value::as_object_mut) {
        resolve_fields(service);
        if let Some(pre) = service.get_mut("pre_start").and_then(Value::as_array_mut) {
            for container in pre.iter_mut().filter_map(Value::as_object_mut) {
                resolve_fields(container);
            }
        }
    }
}

fn interpolate(v: &mut Value) {
    match v {
        Value::String(s) if s.contains('$') => {
            if let Some(read) = unset_reading(s) {
                *s = read;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(interpolate),
        Value::Object(members) => members.values_mut().for_each(interpolate),
        _ => {}
    }
}

fn resolve_fields(container: &mut serde_json::Map<String, Value>) {
    for field in BOOLEAN_FIELDS {
        if let Some(slot) = container.get_mut(*field) {
            if let Some(b) = slot.as_str().and_then(cast) {
                *slot = Value::Bool(b);
            }
        }
    }
}

/// What compose makes of `text` when no variable is set, or `None` where that depends on a
/// variable (a reference without a default) or compose would reject the text (a `$` that starts
/// no reference, an unclosed `${`).
fn unset_reading(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(r) = after.strip_prefix('$') {
            out.push('$');
            rest = r;
            continue;
        }
        // `$NAME` has no default; `$` before anything else is no reference compose accepts.
        let body = after.strip_prefix('{')?;
        let name = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(body.len());
        if name == 0 || body.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let op = &body[name..];
        let word = op.strip_prefix(":-").or_else(|| op.strip_prefix('-'))?;
        let end = closing_brace(word)?;
        out.push_str(&unset_reading(&word[..end])?);
        rest = &word[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The index of the `}` that closes a reference's default, past nested `${…}` and `$$`.
fn closing_brace(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let (mut depth, mut i) = (0usize, 0);
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'$', Some(b'$')) => i += 1,
            (b'$', Some(b'{')) => {
                depth += 1;
                i += 1;
            }
            (b'}', _) if depth == 0 => return Some(i),
            (b'}', _) => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// A boolean as compose casts text to one: YAML 1.1's words for it, in any case.
fn cast(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        other => super::yaml::yaml11_bool(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{yaml, Limits};
    use crate::source::SourceFile;

    fn resolved(text: &str) -> Value {
        let f = SourceFile::new("docker-compose.yaml", text.to_string());
        let mut doc = yaml::parse(&f, 0, &f.text, &Limits::default()).documents.remove(0);
        resolve(&mut doc);
        doc.value
    }

    #[test]
    fn boolean_fields_read_as_compose_casts_them() {
        let v = resolved(concat!(
            "services:\n",
            "  a:\n    privileged: \"true\"\n    read_only: 'No'\n    tty: yes\n    init: ON\n    stdin_open: \"${TTY:-true}\"\n    oom_kill_disable: ${OOM-off}\n",
            "  b:\n    privileged: ${PRIV}\n    read_only: maybe\n    tty: \"${A:-${B}}\"\n    pre_start:\n      - privileged: \"Y\"\n",
            "  c:\n    environment:\n      privileged: \"true\"\n    labels:\n      tty: \"yes\"\n",
        ));
        let a = &v["services"]["a"];
        assert_eq!([&a["privileged"], &a["read_only"], &a["tty"], &a["init"], &a["stdin_open"], &a["oom_kill_disable"]], [&Value::Bool(true), &Value::Bool(false), &Value::Bool(true), &Value::Bool(true), &Value::Bool(true), &Value::Bool(false)]);
        // No default, not a boolean, a nested reference: the text stays.
        let b = &v["services"]["b"];
        assert_eq!(b["privileged"], "${PRIV}");
        assert_eq!(b["read_only"], "maybe");
        assert_eq!(b["tty"], "${A:-${B}}");
        assert_eq!(b["pre_start"][0]["privileged"], true);
        // Free text elsewhere is untouched.
        assert_eq!(v["services"]["c"]["environment"]["privileged"], "true");
        assert_eq!(v["services"]["c"]["labels"]["tty"], "yes");
    }

    #[test]
    fn string_values_read_as_compose_does_with_no_variable_set() {
        let v = resolved(concat!(
            "x-base: &base\n  image: ${IMAGE:-vllm/vllm-openai:latest}\n",
            "services:\n",
            "  a:\n    <<: *base\n    command: [\"--api-key\", \"${KEY:-sk-${SUFFIX-abc}}\", \"$$HOME\", \"${A-}x\"]\n",
            "    environment:\n      ${KEY_NAME:-K}: ${TOKEN}\n      B: \"${TAG:-v1}-${REGISTRY}\"\n      C: \"$HOME\"\n      D: \"${UNCLOSED:-x\"\n      E: \"${X:?set X}\"\n      F: \"${X:+y}\"\n      G: \"cost $5\"\n",
        ));
        let a = &v["services"]["a"];
        assert_eq!(a["image"], "vllm/vllm-openai:latest");
        assert_eq!(v["x-base"]["image"], "vllm/vllm-openai:latest");
        assert_eq!(a["command"], serde_json::json!(["--api-key", "sk-abc", "$HOME", "x"]));
        // A reference without a default, or text compose rejects, stays what the file says;
        // keys are never interpolated.
        let env = &a["environment"];
        assert_eq!(env["${KEY_NAME:-K}"], "${TOKEN}");
        assert_eq!([&env["B"], &env["C"], &env["D"], &env["E"], &env["F"], &env["G"]], ["${TAG:-v1}-${REGISTRY}", "$HOME", "${UNCLOSED:-x", "${X:?set X}", "${X:+y}", "cost $5"]);
    }
}
