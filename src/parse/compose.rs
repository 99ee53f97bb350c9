//! A docker-compose file as docker compose reads it. Compose interpolates `${VAR}` references
//! and then casts the text at its boolean fields: `"true"`, `"yes"`, `"on"`, `"y"` (in any
//! case) are true, `"false"`, `"no"`, `"off"`, `"n"` false, quoted or not. A service with
//! `privileged: "true"`, `privileged: yes` or `privileged: ${PRIVILEGED:-true}` runs privileged,
//! so a rule must see `true` there.
//!
//! A reference with a default (`${VAR:-word}`, `${VAR-word}`) is read as its default: what the
//! file itself says, and what compose runs with when the variable is not set. A reference
//! without one (`${VAR}`) stays text: the file does not say.

use serde_json::Value;

use super::Document;

/// The boolean fields of a service (and of its `pre_start` containers) that compose casts from
/// text, of those a service's security and behaviour turn on.
pub const BOOLEAN_FIELDS: &[&str] = &["privileged", "read_only", "init", "oom_kill_disable", "stdin_open", "tty"];

/// Reads the text at the boolean fields of every service as compose casts it.
pub fn resolve_booleans(doc: &mut Document) {
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

fn resolve_fields(container: &mut serde_json::Map<String, Value>) {
    for field in BOOLEAN_FIELDS {
        if let Some(slot) = container.get_mut(*field) {
            if let Some(b) = slot.as_str().and_then(|s| cast(defaulted(s))) {
                *slot = Value::Bool(b);
            }
        }
    }
}

/// The text of a value that is one `${VAR:-word}` or `${VAR-word}` reference: its default.
/// Other text is itself.
fn defaulted(s: &str) -> &str {
    let t = s.trim();
    let Some(inner) = t.strip_prefix("${").and_then(|r| r.strip_suffix('}')) else { return s };
    let name_end = inner.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(inner.len());
    if name_end == 0 {
        return s;
    }
    let rest = &inner[name_end..];
    match rest.strip_prefix(":-").or_else(|| rest.strip_prefix('-')) {
        Some(word) if !word.contains(['$', '{', '}']) => word,
        _ => s,
    }
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
        resolve_booleans(&mut doc);
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
}
