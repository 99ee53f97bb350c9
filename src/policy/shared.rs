//! Summaries rebuilt with their strings shared. The bundled repository rules read a summary of
//! every document, and all of them are held until those rules have run: at 100,000 artifacts,
//! a quarter of a million strings for every ten thousand files, most of them the same few
//! keys and values (`kind`, `path`, `model-card`, …) made afresh by each evaluation, and the
//! containers the summary shares with the document it was made from.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::Arc;

use regorus::Value;

thread_local! {
    /// The strings of the summaries this thread made since it last forgot them.
    static STRINGS: RefCell<HashSet<Arc<str>>> = RefCell::new(HashSet::new());
}

/// `value` rebuilt with new containers (nothing shared with the evaluation that made it) and
/// each string shared with the equal strings of the values this thread rebuilt before.
pub(crate) fn compact(value: &Value) -> Value {
    STRINGS.with(|strings| rebuilt(value, &mut strings.borrow_mut()))
}

/// Lets go of the strings this thread keeps for [`compact`] (the values keep theirs).
pub fn forget() {
    STRINGS.with(|strings| *strings.borrow_mut() = HashSet::new());
}

fn rebuilt(value: &Value, strings: &mut HashSet<Arc<str>>) -> Value {
    match value {
        Value::String(s) => Value::String(crate::evidence::share(strings, s)),
        Value::Array(items) => Value::from(items.iter().map(|v| rebuilt(v, strings)).collect::<Vec<_>>()),
        Value::Set(items) => Value::from(items.iter().map(|v| rebuilt(v, strings)).collect::<BTreeSet<_>>()),
        Value::Object(fields) => Value::from(fields.iter().map(|(k, v)| (rebuilt(k, strings), rebuilt(v, strings))).collect::<BTreeMap<_, _>>()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compacted_value_is_equal_and_shares_its_strings() {
        let make = || Value::from(serde_json::json!({"kind": "model-card", "names": ["a", "b"], "spec": {"kind": "model-card"}}));
        let (a, b) = (compact(&make()), compact(&make()));
        assert_eq!(a, make());
        let kind = |v: &Value| match &v["kind"] {
            Value::String(s) => Arc::clone(s),
            other => panic!("not a string: {other:?}"),
        };
        // The same string, once, in both values and within one.
        assert!(Arc::ptr_eq(&kind(&a), &kind(&b)));
        assert!(Arc::ptr_eq(&kind(&a), &kind(&a["spec"])));
        forget();
        assert!(!Arc::ptr_eq(&kind(&a), &kind(&compact(&make()))));
    }
}
