//! What one policy evaluation may build: the builtins that can make a value much larger than
//! what they are given, in one call, bounded.
//!
//! regorus stops an evaluation that runs past its time limit, but checks the time between
//! steps: one call of `sprintf("%0900000000d", [1])` allocates 900 MB in a single step, and a
//! chain of rules each doubling the last with `concat` reaches gigabytes in forty steps (then
//! the process aborts on a failed allocation). regorus 0.14 can bound memory
//! (`allocator-memory-limits`), but only for the whole process, through an allocator of its own
//! and a global limit: which document fails would depend on what the other threads hold at that
//! moment. So govlint puts its own versions in place of the builtins whose output can outgrow
//! their input (extensions are looked up before builtins): each works out how large its result
//! will be before making it, and the bytes every such call of one evaluation makes count against
//! [`BUDGET`]. Past it, the call is an error, which ends the evaluation as a `policy-error` on
//! that document. Each answers as regorus's builtin does otherwise (a test compares them).
//!
//! What the other builtins and the language itself build is at most a small multiple of what
//! exists already, one step at a time: the time limit bounds it.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

use anyhow::{anyhow, bail, Result};
use regorus::{Engine, Value};

/// The bytes of strings and arrays the bounded builtins may build in one evaluation of one
/// document (for the rules that see every document at once, this for each started hundred).
pub const BUDGET: u64 = 256 << 20;

thread_local! {
    /// What the bounded builtins built in this thread's current evaluation, and its budget.
    static BUILT: Cell<(u64, u64)> = const { Cell::new((0, BUDGET)) };
    /// An engine of regorus's builtins alone, for the calls handed on to them.
    static PLAIN: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

/// Starts the count of an evaluation on this thread, with `scale` times the budget.
pub fn begin(scale: u64) {
    BUILT.with(|b| b.set((0, BUDGET.saturating_mul(scale.max(1)))));
}

/// Fails when `bytes` more would take the evaluation past its budget.
fn check(name: &str, bytes: u64) -> Result<()> {
    let (used, limit) = BUILT.with(Cell::get);
    if used.saturating_add(bytes) > limit {
        bail!("{name}: the evaluation would build more than {} MiB of strings and arrays, govlint's bound on one policy evaluation", limit >> 20);
    }
    Ok(())
}

/// Counts `bytes` built, failing past the budget.
fn charge(name: &str, bytes: u64) -> Result<()> {
    check(name, bytes)?;
    BUILT.with(|b| {
        let (used, limit) = b.get();
        b.set((used + bytes, limit));
    });
    Ok(())
}

/// The size of one value in an array.
const VALUE: u64 = std::mem::size_of::<Value>() as u64;

fn text<'a>(name: &str, v: &'a Value) -> Result<&'a str> {
    v.as_string().map(|s| s.as_ref()).map_err(|_| anyhow!("{name} expects string argument"))
}

fn len(s: &str) -> u64 {
    s.len() as u64
}

/// `concat(delimiter, collection)`.
fn concat(args: &[Value]) -> Result<Value> {
    let name = "concat";
    let delimiter = text(name, &args[0])?;
    let items: Vec<&str> = match &args[1] {
        Value::Array(a) => a.iter().map(|v| text(name, v)).collect::<Result<_>>()?,
        Value::Set(s) => s.iter().map(|v| text(name, v)).collect::<Result<_>>()?,
        _ => bail!("{name} expects array/set of strings"),
    };
    let total = items.iter().map(|s| len(s)).sum::<u64>() + len(delimiter) * (items.len() as u64).saturating_sub(1);
    charge(name, total)?;
    Ok(Value::from(items.join(delimiter)))
}

/// `replace(s, old, new)`.
fn replace(args: &[Value]) -> Result<Value> {
    let name = "replace";
    let (s, old, new) = (text(name, &args[0])?, text(name, &args[1])?, text(name, &args[2])?);
    charge(name, replaced_len(s, old, new))?;
    Ok(Value::from(s.replace(old, new)))
}

/// The length of `s` with every `old` replaced by `new`, as `str::replace` replaces.
fn replaced_len(s: &str, old: &str, new: &str) -> u64 {
    let n = if old.is_empty() { s.chars().count() as u64 + 1 } else { s.matches(old).count() as u64 };
    (len(s) + n * len(new)).saturating_sub(n * len(old))
}

/// `strings.replace_n(patterns, s)`: each pattern in key order, on the result of the last.
fn replace_n(args: &[Value]) -> Result<Value> {
    let name = "strings.replace_n";
    let Value::Object(patterns) = &args[0] else { bail!("{name} expects object argument") };
    let mut s: String = text(name, &args[1])?.to_string();
    for (k, v) in patterns.iter_sorted() {
        let (Value::String(old), Value::String(new)) = (k, v) else { bail!("`trim` expects string keys and values in pattern object.") };
        charge(name, replaced_len(&s, old, new))?;
        s = s.replace(old.as_ref(), new.as_ref());
    }
    Ok(Value::from(s))
}

/// `array.concat(a, b)`.
fn array_concat(args: &[Value]) -> Result<Value> {
    let name = "array.concat";
    let (Ok(a), Ok(b)) = (args[0].as_array(), args[1].as_array()) else { bail!("{name} expects array argument") };
    charge(name, (a.len() + b.len()) as u64 * VALUE)?;
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend(a.iter().cloned());
    out.extend(b.iter().cloned());
    Ok(Value::from(out))
}

/// `hex.encode(s)`.
fn hex_encode(args: &[Value]) -> Result<Value> {
    let s = text("hex.encode", &args[0])?;
    charge("hex.encode", 2 * len(s))?;
    Ok(Value::from(data_encoding::HEXLOWER_PERMISSIVE.encode(s.as_bytes())))
}

/// `base64.encode(s)`.
fn base64_encode(args: &[Value]) -> Result<Value> {
    let s = text("base64.encode", &args[0])?;
    charge("base64.encode", len(s).div_ceil(3) * 4)?;
    Ok(Value::from(data_encoding::BASE64.encode(s.as_bytes())))
}

/// A writer that refuses to hold more than the evaluation may still build.
struct Bounded {
    out: Vec<u8>,
    room: u64,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if (self.out.len() + buf.len()) as u64 > self.room {
            return Err(std::io::Error::other("over the budget"));
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// `value` as JSON (pretty, with two spaces, or compact), within what the evaluation may
/// still build.
fn to_json(name: &str, value: &Value, pretty: bool) -> Result<String> {
    let (used, limit) = BUILT.with(Cell::get);
    let mut w = Bounded { out: Vec::new(), room: limit.saturating_sub(used) };
    let written = if pretty { serde_json::to_writer_pretty(&mut w, value) } else { serde_json::to_writer(&mut w, value) };
    match written {
        Ok(()) => {}
        Err(e) if e.is_io() => return Err(check(name, u64::MAX).unwrap_err()),
        Err(e) => bail!("could not serialize to json\nCaused by\n{e}"),
    }
    charge(name, w.out.len() as u64)?;
    String::from_utf8(w.out).map_err(|e| anyhow!("{name}: {e}"))
}

/// `json.marshal(x)`.
fn json_marshal(args: &[Value]) -> Result<Value> {
    Ok(Value::from(to_json("json.marshal", &args[0], false)?))
}

/// `json.marshal_with_options(x, options)`: `pretty` (default true), `indent` (default a tab)
/// for each level, `prefix` before each line.
fn json_marshal_with_options(args: &[Value]) -> Result<Value> {
    let name = "json.marshal_with_options";
    let Value::Object(options) = &args[1] else { bail!("{name} expects object argument") };
    let (mut pretty, mut indent, mut prefix) = (true, "\t".to_string(), None);
    for (option, value) in options.iter() {
        match (option.as_string().map(|s| s.as_ref()), value) {
            (Ok("pretty"), Value::Bool(b)) => pretty = *b,
            (Ok("pretty"), _) => bail!("marshaling option `pretty` must be true or false"),
            (Ok("prefix"), Value::String(s)) => prefix = Some(s.to_string()),
            (Ok("indent"), Value::String(s)) => indent = s.to_string(),
            (Ok("prefix" | "indent"), _) => bail!("marshaling option `pretty` must be string"),
            _ => bail!("marshaling option must be one of `indent`, `prefix` or `pretty`"),
        }
    }
    if !pretty || options.is_empty() {
        return Ok(Value::from(to_json(name, &args[0], false)?));
    }
    let two_spaces = to_json(name, &args[0], true)?;
    // Each line: the prefix, then the indent once per level (serde_json indents by two spaces).
    let lines: Vec<(usize, &str)> = two_spaces
        .split('\n')
        .map(|line| {
            let trimmed = line.trim_start();
            ((line.len() - trimmed.len()) / 2, trimmed)
        })
        .collect();
    let prefix_len = prefix.as_deref().map_or(0, len);
    let total: u64 = lines.iter().map(|(level, t)| prefix_len + *level as u64 * len(&indent) + len(t) + 1).sum();
    charge(name, total)?;
    let mut out = String::new();
    for (i, (level, trimmed)) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if let Some(p) = &prefix {
            out.push_str(p);
        }
        for _ in 0..*level {
            out.push_str(&indent);
        }
        out.push_str(trimmed);
    }
    Ok(Value::from(out))
}

/// `glob.quote_meta(pattern)`: at most twice as long; made by regorus.
fn quote_meta(args: &[Value]) -> Result<Value> {
    let s = text("glob.quote_meta", &args[0])?;
    charge("glob.quote_meta", 2 * len(s))?;
    regorus_builtin("quote", args)
}

/// `graph.reachable_paths(graph, initial)`: every path from an initial vertex, which can be
/// exponentially many; each counts as it is found.
fn reachable_paths(args: &[Value]) -> Result<Value> {
    let name = "graph.reachable_paths";
    let Value::Object(graph) = &args[0] else { bail!("{name} expects object argument") };
    let starts: Vec<&Value> = match &args[1] {
        Value::Array(a) => a.iter().collect(),
        Value::Set(s) => s.iter().collect(),
        _ => bail!("initial vertices must be array/set"),
    };
    let mut walk = Paths { graph, visited: BTreeSet::new(), path: Vec::new(), found: BTreeSet::new() };
    for node in starts {
        walk.visit(node)?;
    }
    Ok(Value::from(walk.found))
}

/// The depth-first search of [`reachable_paths`].
struct Paths<'g> {
    graph: &'g regorus::value::Object,
    visited: BTreeSet<Value>,
    path: Vec<Value>,
    found: BTreeSet<Value>,
}

impl Paths<'_> {
    fn record(&mut self) -> Result<()> {
        if !self.path.is_empty() {
            charge("graph.reachable_paths", self.path.len() as u64 * VALUE)?;
            self.found.insert(Value::from(self.path.clone()));
        }
        Ok(())
    }

    fn visit(&mut self, node: &Value) -> Result<()> {
        // A graph is an object: its vertices are its keys.
        let Some(neighbors) = self.graph.get(node) else { return self.record() };
        if self.visited.contains(node) {
            return self.record();
        }
        self.path.push(node.clone());
        self.visited.insert(node.clone());
        let next: Vec<Value> = match neighbors {
            Value::Array(a) => a.iter().rev().cloned().collect(),
            Value::Set(s) => s.iter().rev().cloned().collect(),
            Value::Null => Vec::new(),
            _ => bail!("neighbors for node `{node}` must be array/set."),
        };
        for n in &next {
            self.visit(n)?;
        }
        if next.is_empty() {
            self.record()?;
        }
        self.visited.remove(node);
        self.path.pop();
        Ok(())
    }
}

/// One conversion of a `sprintf` format: its verb and the width or precision written before
/// it (`%05d`: `0`, 5; `%.2f`: `.`, 2; `%8s`: ` `, 8).
struct Verb {
    verb: char,
    width: Option<(char, u64)>,
}

/// The conversions of a format, or `None` when it ends inside one.
fn verbs(format: &str) -> Option<Vec<Verb>> {
    let mut out = Vec::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            continue;
        }
        match chars.next()? {
            '%' => {}
            first if first == '.' || first.is_ascii_digit() => {
                let mut width: u64 = first.to_digit(10).map_or(0, u64::from);
                while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                    width = width.saturating_mul(10).saturating_add(u64::from(d));
                    chars.next();
                }
                let kind = if first == '0' || first == '.' { first } else { ' ' };
                out.push(Verb { verb: chars.next()?, width: Some((kind, width)) });
            }
            verb => out.push(Verb { verb, width: None }),
        }
    }
    Some(out)
}

/// At most how long `v` prints as `%v` does, or `limit + 1` once it is known to be longer.
fn printed_at_most(v: &Value, quoted: bool, limit: u64) -> u64 {
    let mut total: u64 = 0;
    let mut stack: Vec<(&Value, bool)> = vec![(v, quoted)];
    while let Some((v, quoted)) = stack.pop() {
        total += match v {
            Value::String(s) if quoted => 6 * len(s) + 2,
            Value::String(s) => len(s),
            Value::Number(n) => n.format_decimal().len() as u64,
            Value::Array(a) => {
                stack.extend(a.iter().map(|e| (e, true)));
                2 + 2 * a.len() as u64
            }
            Value::Set(s) => {
                stack.extend(s.iter().map(|e| (e, true)));
                2 + 2 * s.len() as u64
            }
            Value::Object(o) => {
                for (k, v) in o.iter() {
                    stack.push((k, true));
                    stack.push((v, true));
                }
                2 + 4 * o.len() as u64
            }
            _ => 10,
        };
        if total > limit {
            return limit + 1;
        }
    }
    total
}

/// `value` as `%v` prints it (strings inside collections quoted as JSON).
fn print(out: &mut String, value: &Value, quoted: bool) {
    let list = |out: &mut String, open: char, close: char, items: &mut dyn Iterator<Item = &Value>| {
        out.push(open);
        for (i, item) in items.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            print(out, item, true);
        }
        out.push(close);
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::String(s) if quoted => out.push_str(&serde_json::to_string(s.as_ref()).unwrap_or_else(|_| s.to_string())),
        Value::String(s) => out.push_str(s),
        Value::Number(n) => out.push_str(&n.format_decimal()),
        Value::Array(a) => list(out, '[', ']', &mut a.iter()),
        Value::Set(s) => list(out, '{', '}', &mut s.iter()),
        Value::Object(o) => {
            out.push('{');
            for (i, (k, v)) in o.iter_sorted().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                print(out, k, true);
                out.push_str(": ");
                print(out, v, true);
            }
            out.push('}');
        }
        Value::Undefined => out.push_str("#undefined"),
    }
}

/// `sprintf(format, values)`. What it will make is bounded first: the format, the widths and
/// precisions, and the values as printed (quoted, ten bytes a character). A format of `%s`,
/// `%v` and `%d` alone, as nearly every policy writes, is formatted here; any other is
/// formatted by regorus.
fn sprintf(args: &[Value]) -> Result<Value> {
    let name = "sprintf";
    let format = text(name, &args[0])?;
    let values = args[1].as_array().map_err(|_| anyhow!("{name} expects array argument"))?;
    let Some(verbs) = verbs(format) else { return regorus_builtin("fmt", args) };
    let (used, limit) = BUILT.with(Cell::get);
    let room = limit.saturating_sub(used);
    let quoting = verbs.iter().any(|v| v.verb == 'q');
    let mut bound = len(format);
    for v in &verbs {
        bound = bound.saturating_add(v.width.map_or(0, |(_, w)| w));
    }
    for v in values.iter() {
        let printed = printed_at_most(v, false, room);
        bound = bound.saturating_add(if quoting { printed.saturating_mul(10) } else { printed });
    }
    check(name, bound)?;
    let simple = verbs.len() == values.len() && verbs.iter().all(|v| v.width.is_none() && matches!(v.verb, 's' | 'v' | 'd'));
    if !simple {
        let out = regorus_builtin("fmt", args)?;
        charge(name, out.as_string().map_or(0, |s| len(s)))?;
        return Ok(out);
    }
    let mut out = String::with_capacity(format.len());
    let mut values = values.iter();
    let mut chars = format.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let verb = chars.next().unwrap_or('%');
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(value) = values.next() else { bail!("no argument specified for format verb") };
        match (verb, value) {
            ('s' | 'v', v) => print(&mut out, v, false),
            ('d', Value::Number(n)) if n.is_integer() => {
                if *value < Value::from(0.0) {
                    out.push('-');
                }
                out.push_str(&n.format_decimal());
            }
            ('d', Value::Number(_)) => bail!("number specified for format verb d."),
            _ => {}
        }
    }
    charge(name, len(&out))?;
    Ok(Value::from(out))
}

/// The builtins handed on to regorus, by rule name in [`PLAIN_MODULE`].
const PLAIN_MODULE: &str = "package govlint_internal.builtins\n\nimport rego.v1\n\nfmt := sprintf(input[0], input[1])\n\nquote := glob.quote_meta(input[0])\n";

/// Evaluates the builtin behind `rule` of [`PLAIN_MODULE`] on `args`, in an engine of this
/// thread's that has only regorus's builtins (called once its result is known to be bounded).
fn regorus_builtin(rule: &str, args: &[Value]) -> Result<Value> {
    PLAIN.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let mut engine = Engine::new();
            engine.add_policy("<govlint builtins>".to_string(), PLAIN_MODULE.to_string())?;
            *cell = Some(engine);
        }
        let engine = cell.as_mut().expect("made above");
        engine.set_input(Value::from(args.to_vec()));
        engine.eval_rule(format!("data.govlint_internal.builtins.{rule}")).map_err(|e| {
            let s = e.to_string();
            anyhow!(s.lines().find_map(|l| l.trim().strip_prefix("error: ").map(str::to_string)).unwrap_or_else(|| s.trim().to_string()))
        })
    })
}

/// Puts the bounded builtins in place of regorus's on `engine`.
pub fn register(engine: &mut Engine) -> Result<()> {
    type Builtin = fn(&[Value]) -> Result<Value>;
    let builtins: [(&str, u8, Builtin); 11] = [
        ("sprintf", 2, sprintf),
        ("concat", 2, concat),
        ("replace", 3, replace),
        ("strings.replace_n", 2, replace_n),
        ("array.concat", 2, array_concat),
        ("hex.encode", 1, hex_encode),
        ("base64.encode", 1, base64_encode),
        ("json.marshal", 1, json_marshal),
        ("json.marshal_with_options", 2, json_marshal_with_options),
        ("glob.quote_meta", 1, quote_meta),
        ("graph.reachable_paths", 2, reachable_paths),
    ];
    for (name, nargs, builtin) in builtins {
        engine.add_extension(name.to_string(), nargs, Box::new(move |args: Vec<Value>| builtin(&args)))?;
    }
    Ok(())
}

/// Counts what `regex.replace` will build: at most the text, and for each match the
/// replacement with each `$` reference as long as the match; exactly counted when that bound
/// is past the budget.
pub fn regex_replace_fits(name: &str, s: &str, re: &regex::Regex, by: &str) -> Result<()> {
    let refs = by.matches('$').count() as u64;
    let per_match = |m: u64| len(by) + refs * m;
    let loose = len(s) + (len(s) + 1) * per_match(len(s));
    if check(name, loose).is_ok() {
        return Ok(());
    }
    let exact = re.find_iter(s).fold(len(s), |total, m| total.saturating_add(per_match(m.len() as u64)));
    check(name, exact)
}

/// Counts the result of a builtin made outside this module.
pub fn charge_built(name: &str, bytes: u64) -> Result<()> {
    charge(name, bytes)
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
        begin(1);
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
            r#"sprintf("%s and %v: %d", ["a", ["b", 1, {"k": [null, true]}], 42])"#,
            r#"sprintf("%v %v %v %v", [{"b": 1, "a": "x\n"}, {3, 1, "2"}, 1.5, -7])"#,
            r#"sprintf("%d|%d|%d", [-5, 12345678901234567890, 3])"#,
            r#"sprintf("%d", [1.5])"#,
            r#"sprintf("%d", ["text"])"#,
            r#"sprintf("%s", [])"#,
            r#"sprintf("%s", ["a", "b"])"#,
            r#"sprintf("100%% %s", ["sure"])"#,
            r#"sprintf("%05d|%8s|%.2f|%x|%q|%e", [42, "r", 3.14159, 255, "a\"b", 1000])"#,
            r#"sprintf("trailing %", [])"#,
            r#"sprintf(1, [])"#,
            r#"concat(", ", ["a", "b", "c"])"#,
            r#"concat("-", {"b", "a"})"#,
            r#"concat("", [])"#,
            r#"concat(",", ["a", 1])"#,
            r#"replace("a.b.c", ".", "::")"#,
            r#"replace("abc", "", "-")"#,
            r#"replace("abc", "x", "y")"#,
            r#"strings.replace_n({"a": "1", "b": "2", "12": "x"}, "ab ab")"#,
            r#"strings.replace_n({"a": 1}, "ab")"#,
            r#"array.concat([1, [2]], ["3"])"#,
            r#"array.concat([], [])"#,
            r#"array.concat([1], "x")"#,
            r#"hex.encode("Ab\u00e9")"#,
            r#"base64.encode("hello!!")"#,
            r#"json.marshal({"a": [1, 2.5, "x\u0001"], "b": null, "c": {1, 2}})"#,
            r#"json.marshal_with_options({"a": [1, {"b": 2}]}, {"indent": "  ", "prefix": "> "})"#,
            r#"json.marshal_with_options({"a": [1, {"b": 2}]}, {"pretty": false})"#,
            r#"json.marshal_with_options({"a": 1}, {})"#,
            r#"json.marshal_with_options({"a": 1}, {"width": 3})"#,
            r#"glob.quote_meta("*.yaml")"#,
            r#"graph.reachable_paths({"a": ["b", "c"], "b": ["c"], "c": []}, ["a"])"#,
            r#"graph.reachable_paths({"a": ["b"], "b": ["a"]}, {"a"})"#,
            r#"graph.reachable_paths({"a": ["z"]}, ["a", "q"])"#,
        ];
        for case in cases {
            assert_eq!(eval(case, true), eval(case, false), "{case}");
        }
    }

    #[test]
    fn what_would_outgrow_the_budget_is_refused_before_it_is_made() {
        // A policy's lines are at most 1,024 columns (regorus's bound): big values are built.
        let half = "x".repeat(512);
        for expr in [
            r#"sprintf("%0900000000d", [1])"#.to_string(),
            r#"sprintf("%099999999999999999999999d", [1])"#.to_string(),
            format!(r#"replace(concat("", [a | some _ in numbers.range(1, 600000); a := "x"]), "x", "{half}")"#),
            format!(r#"concat("", [x | some _ in numbers.range(1, 600000); x := "{half}"])"#),
            format!(r#"sprintf("%v", [[x | some _ in numbers.range(1, 600000); x := "{half}"]])"#),
        ] {
            let got = eval(&expr, true);
            assert!(got == "error", "{expr}: {}", &got[..got.len().min(100)]);
        }
        // Within the budget, the same builtins work.
        assert_eq!(eval(r#"count(sprintf("%05d", [1]))"#, true), "5");
    }
}
