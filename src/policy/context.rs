//! How the per-file context reaches the policies: `data.govlint.file` and `data.conftest.file`
//! are rules of two small generated modules, each reading the context of the evaluation under
//! way through a builtin of its own, which the evaluating thread sets beforehand.
//!
//! They were `with data.govlint.file as … with data.conftest.file as …` modifiers on every
//! evaluation. regorus applies a `with` on a path of `data` by walking every rule of every
//! module for those under that path (`suppress_rules_under_data_override`) and by saving and
//! restoring its whole evaluation state: with the bundled helpers loaded, that was most of the
//! cost of evaluating a small policy on one document. A rule costs one builtin call, and only
//! when a policy reads it. A `with` on these paths in a policy or a test still overrides them.

use std::cell::RefCell;

use regorus::{Engine, Value};

thread_local! {
    /// The context of the evaluation under way on this thread: the values of
    /// `data.govlint.file` and `data.conftest.file`.
    static CURRENT: RefCell<Option<(Value, Value)>> = const { RefCell::new(None) };
}

/// The builtin that gives `data.govlint.file`.
const FILE_BUILTIN: &str = "govlint_internal.file_context";
/// The builtin that gives `data.conftest.file`.
const CONFTEST_BUILTIN: &str = "govlint_internal.conftest_file";

/// The modules that define the two rules, by the name regorus gives them in errors.
pub const MODULES: [(&str, &str); 2] = [
    ("<govlint file context>", "package govlint\n\nfile := govlint_internal.file_context()\n"),
    ("<govlint conftest context>", "package conftest\n\nfile := govlint_internal.conftest_file()\n"),
];

/// Sets the context of the evaluations that follow on this thread (`None`: none, both rules
/// undefined).
pub fn set(context: Option<(&Value, &Value)>) {
    CURRENT.with(|c| *c.borrow_mut() = context.map(|(file, conftest)| (file.clone(), conftest.clone())));
}

/// Registers the builtins and adds the modules.
pub fn register(engine: &mut Engine) -> anyhow::Result<()> {
    fn current(pick: fn(&(Value, Value)) -> &Value) -> Value {
        CURRENT.with(|c| c.borrow().as_ref().map_or(Value::Undefined, |v| pick(v).clone()))
    }
    engine.add_extension(FILE_BUILTIN.to_string(), 0, Box::new(|_: Vec<Value>| Ok(current(|c| &c.0))))?;
    engine.add_extension(CONFTEST_BUILTIN.to_string(), 0, Box::new(|_: Vec<Value>| Ok(current(|c| &c.1))))?;
    engine.set_rego_v0(false);
    for (name, text) in MODULES {
        engine.add_policy(name.to_string(), text.to_string())?;
    }
    Ok(())
}
