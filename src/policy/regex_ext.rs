//! The regular-expression builtins, each thread keeping its compiled expressions.
//!
//! regorus hands every call of `regex.match` and the like a clone of an expression from its
//! shared cache. A clone starts with empty search caches, so each call allocates them again and
//! the lazy DFA determinizes the same states again: on the bundled rules that was about a tenth
//! of all evaluation. Here each worker thread keeps its own expressions, whose caches stay warm
//! from one call to the next. Extensions are looked up before builtins, so these take the
//! builtins' place for every policy; `regex.replace` also counts what it makes against the
//! evaluation's budget (see [`super::bounds`]). They answer as regorus's builtins do in govlint's engine
//! (strict builtin errors, regorus's default): the same syntax and size limit, an error for a
//! wrong argument or an invalid pattern, and an undefined `regex.replace` for an invalid one.

use std::cell::RefCell;
use std::collections::HashMap;

use anyhow::{anyhow, bail, Result};
use regex::{Regex, RegexBuilder};
use regorus::{Engine, Value};

/// The size limit of one compiled expression, regorus's own.
const SIZE_LIMIT: usize = 100 * 1024;

/// Expressions one thread keeps, at most; past it the thread starts afresh (patterns built from
/// documents could otherwise grow the map without end).
const KEPT: usize = 4096;

thread_local! {
    static COMPILED: RefCell<HashMap<Box<str>, Result<Regex, regex::Error>>> = RefCell::new(HashMap::new());
}

/// Runs `f` with the thread's compiled `pattern`, or gives why it does not compile.
fn with_regex<T>(pattern: &str, f: impl FnOnce(&Regex) -> T) -> Result<T, regex::Error> {
    COMPILED.with(|cell| {
        let mut map = cell.borrow_mut();
        if !map.contains_key(pattern) {
            if map.len() >= KEPT {
                map.clear();
            }
            map.insert(pattern.into(), RegexBuilder::new(pattern).size_limit(SIZE_LIMIT).build());
        }
        match &map[pattern] {
            Ok(re) => Ok(f(re)),
            Err(e) => Err(e.clone()),
        }
    })
}

/// `regex.match(pattern, text)` for Rust code that computes what a policy would (see
/// [`super::markdown`]): the same expression; `None` for an invalid pattern.
pub fn matches(pattern: &str, text: &str) -> Option<bool> {
    with_regex(pattern, |re| re.is_match(text)).ok()
}

/// `regex.replace(text, pattern, by)` for Rust code (see [`matches`]): `None` for an invalid
/// pattern.
pub fn replace_all(text: &str, pattern: &str, by: &str) -> Option<String> {
    with_regex(pattern, |re| re.replace_all(text, by).into_owned()).ok()
}

/// [`with_regex`] for the builtins that fail on an invalid pattern.
fn compiled<T>(name: &str, pattern: &Value, f: impl FnOnce(&Regex) -> T) -> Result<T> {
    with_regex(text(name, pattern)?, f).map_err(|e| match e {
        regex::Error::CompiledTooBig(_) => too_big(name),
        _ => anyhow!("{name}: invalid regex"),
    })
}

fn too_big(name: &str) -> anyhow::Error {
    anyhow!("{name}: the pattern compiles to more than the regular-expression size limit ({SIZE_LIMIT} bytes)")
}

fn text<'a>(name: &str, v: &'a Value) -> Result<&'a str> {
    v.as_string().map(|s| s.as_ref()).map_err(|_| anyhow!("{name} expects string argument"))
}

/// The most matches `n` asks for: all of them when negative (or too large to count).
fn limit(name: &str, n: &Value) -> Result<usize> {
    let n = n.as_number().map_err(|_| anyhow!("{name} expects numeric argument"))?;
    if !n.is_integer() {
        bail!("{name}: n must be an integer");
    }
    Ok(match n.as_i64() {
        Some(n) if n >= 0 => usize::try_from(n).unwrap_or(usize::MAX),
        _ => usize::MAX,
    })
}

fn strings<'a>(items: impl Iterator<Item = &'a str>) -> Value {
    Value::from(items.map(Value::from).collect::<Vec<_>>())
}

fn is_match(args: &[Value]) -> Result<Value> {
    let name = "regex.match";
    let value = text(name, &args[1])?;
    compiled(name, &args[0], |re| Value::from(re.is_match(value)))
}

fn find_n(args: &[Value]) -> Result<Value> {
    let name = "regex.find_n";
    let value = text(name, &args[1])?;
    let n = limit(name, &args[2])?;
    compiled(name, &args[0], |re| strings(re.find_iter(value).take(n).map(|m| m.as_str())))
}

fn find_all_string_submatch_n(args: &[Value]) -> Result<Value> {
    let name = "regex.find_all_string_submatch_n";
    let value = text(name, &args[1])?;
    let n = limit(name, &args[2])?;
    compiled(name, &args[0], |re| {
        let matches = re.captures_iter(value).take(n).map(|c| strings(c.iter().map(|g| g.map_or("", |g| g.as_str()))));
        Value::from(matches.collect::<Vec<_>>())
    })
}

fn split(args: &[Value]) -> Result<Value> {
    let name = "regex.split";
    let value = text(name, &args[1])?;
    compiled(name, &args[0], |re| strings(re.split(value)))
}

/// `regex.replace(s, pattern, value)`: the pattern is the second argument, and an invalid one
/// makes the call undefined rather than an error.
fn replace(args: &[Value]) -> Result<Value> {
    let name = "regex.replace";
    let s = text(name, &args[0])?;
    let pattern = text(name, &args[1])?;
    let by = text(name, &args[2])?;
    // What it makes is bounded first (see `super::bounds`), then counted.
    let replaced = with_regex(pattern, |re| {
        super::bounds::regex_replace_fits(name, s, re, by)?;
        let out = re.replace_all(s, by).into_owned();
        super::bounds::charge_built(name, out.len() as u64)?;
        Ok(Value::from(out))
    });
    match replaced {
        Ok(v) => v,
        Err(regex::Error::CompiledTooBig(_)) => Err(too_big(name)),
        Err(_) => Ok(Value::Undefined),
    }
}

/// Puts the builtins above in place of regorus's on `engine`.
pub fn register(engine: &mut Engine) -> Result<()> {
    type Builtin = fn(&[Value]) -> Result<Value>;
    let builtins: [(&str, u8, Builtin); 5] = [
        ("regex.match", 2, is_match),
        ("regex.find_n", 3, find_n),
        ("regex.find_all_string_submatch_n", 3, find_all_string_submatch_n),
        ("regex.split", 2, split),
        ("regex.replace", 3, replace),
    ];
    for (name, nargs, builtin) in builtins {
        engine.add_extension(name.to_string(), nargs, Box::new(move |args: Vec<Value>| builtin(&args)))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value of `expr` in a policy, on an engine with (`ours`) or without these builtins.
    fn eval(expr: &str, ours: bool) -> String {
        let mut engine = Engine::new();
        if ours {
            register(&mut engine).unwrap();
        }
        let policy = format!("package t\nimport rego.v1\n\nx := {expr}\n");
        engine.add_policy("t.rego".to_string(), policy).unwrap();
        let Ok(v) = engine.eval_rule("data.t.x".to_string()) else { return "error".to_string() };
        if v == Value::Undefined {
            return "undefined".to_string();
        }
        v.to_json_str().unwrap()
    }

    #[test]
    fn the_builtins_give_what_regorus_gives() {
        let cases = [
            r#"regex.match(`^a+b$`, "aaab")"#,
            r#"regex.match(`^a+b$`, "aaac")"#,
            r#"regex.match(`(?i)(?-u:\b)llm(?-u:\b)`, "An LLM card")"#,
            r#"regex.match(`[`, "x")"#,
            r#"regex.match(1, "x")"#,
            r#"regex.match(`a`, 1)"#,
            r#"regex.find_n(`[0-9]+`, "a1b22c333", -1)"#,
            r#"regex.find_n(`[0-9]+`, "a1b22c333", 2)"#,
            r#"regex.find_n(`[0-9]+`, "a1b22c333", 0)"#,
            r#"regex.find_n(`[0-9]+`, "a1b22c333", 1.5)"#,
            r#"regex.find_n(`(`, "x", -1)"#,
            r#"regex.find_all_string_submatch_n(`(a)(x)?(b)`, "ab axb ab", -1)"#,
            r#"regex.find_all_string_submatch_n(`^pkg:huggingface/([^@?#]+)`, "pkg:huggingface/org/name@v1", 1)"#,
            r#"regex.split(`[^a-z0-9]+`, "API_key-value")"#,
            r#"regex.split(`,`, "")"#,
            r#"regex.replace("camelCaseName", `([a-z0-9])([A-Z])`, "${1}_${2}")"#,
            r#"regex.replace("abc", `(`, "x")"#,
            r#"regex.replace("a.b.c", `\.`, "$$")"#,
        ];
        for case in cases {
            assert_eq!(eval(case, true), eval(case, false), "{case}");
        }
    }

    #[test]
    fn a_pattern_over_the_size_limit_is_an_error_not_false() {
        let mut engine = Engine::new();
        register(&mut engine).unwrap();
        let policy = "package t\nimport rego.v1\n\nx if not regex.match(`\\w{1000}\\w{1000}`, \"a\")\n";
        engine.add_policy("t.rego".to_string(), policy.to_string()).unwrap();
        let err = engine.eval_rule("data.t.x".to_string()).unwrap_err();
        assert!(err.to_string().contains("size limit"), "{err}");
    }

    #[test]
    fn a_thread_keeps_each_pattern_once() {
        let args = [Value::from("^x$"), Value::from("x")];
        assert_eq!(is_match(&args).unwrap(), Value::from(true));
        assert_eq!(is_match(&args).unwrap(), Value::from(true));
        COMPILED.with(|c| assert_eq!(c.borrow().keys().filter(|k| k.as_ref() == "^x$").count(), 1));
    }
}
