//! The parts of each document that the bundled repository rules read
//! (`data.govlint.lib.repository.document_fields`): what govlint keeps of every artifact for
//! them, and what decides whether their cached findings still hold.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// Key paths by document kind; `*` stands for any key of an object or every element of an array.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    fields: BTreeMap<String, Vec<Vec<String>>>,
}

impl Projection {
    /// Reads the fields from the value of `document_fields`: an object of kind → list of paths,
    /// each a list of strings. Anything else is no projection (`None`): the rules get whole
    /// documents.
    pub fn from_value(v: &Value) -> Option<Projection> {
        let mut fields = BTreeMap::new();
        for (kind, paths) in v.as_object()? {
            let paths = paths
                .as_array()?
                .iter()
                .map(|p| p.as_array()?.iter().map(|k| k.as_str().map(str::to_string)).collect::<Option<Vec<String>>>())
                .collect::<Option<Vec<Vec<String>>>>()?;
            fields.insert(kind.clone(), paths);
        }
        Some(Projection { fields })
    }

    /// The part of `doc`, a document of `kind`, that the rules read; a kind without fields keeps
    /// the whole document.
    pub fn apply(&self, kind: &str, doc: &Value) -> Value {
        match self.fields.get(kind) {
            Some(paths) => project(doc, &paths.iter().map(Vec::as_slice).collect::<Vec<_>>()),
            None => doc.clone(),
        }
    }
}

/// `v` cut down to `paths`. A path that ends here keeps the whole value; an object keeps the keys
/// some path continues through; an array is projected element by element when every path
/// continues through `*`, and kept whole otherwise; a scalar where a path continues is kept, so
/// that a rule's type tests see what they would have seen.
fn project(v: &Value, paths: &[&[String]]) -> Value {
    if paths.iter().any(|p| p.is_empty()) {
        return v.clone();
    }
    match v {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, x) in map {
                let tails: Vec<&[String]> = paths.iter().filter(|p| p[0] == "*" || p[0] == *k).map(|p| &p[1..]).collect();
                if !tails.is_empty() {
                    out.insert(k.clone(), project(x, &tails));
                }
            }
            Value::Object(out)
        }
        Value::Array(items) if paths.iter().all(|p| p[0] == "*") => {
            let tails: Vec<&[String]> = paths.iter().map(|p| &p[1..]).collect();
            Value::Array(items.iter().map(|x| project(x, &tails)).collect())
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn projection() -> Projection {
        Projection::from_value(&json!({
            "card": [["a"], ["b", "c"], ["list", "*", "x"], ["map", "*", "name"]],
        }))
        .unwrap()
    }

    #[test]
    fn keeps_the_named_fields_and_their_positions() {
        let doc = json!({
            "a": {"deep": [1, 2]},
            "b": {"c": 1, "d": 2},
            "list": [{"x": 1, "y": 2}, "s", {"y": 3}],
            "map": {"one": {"name": "n", "body": "long"}, "two": 5},
            "dropped": {"name": "n"},
        });
        let expected = json!({
            "a": {"deep": [1, 2]},
            "b": {"c": 1},
            "list": [{"x": 1}, "s", {}],
            "map": {"one": {"name": "n"}, "two": 5},
        });
        assert_eq!(projection().apply("card", &doc), expected);
    }

    #[test]
    fn other_kinds_and_shapes_are_kept_whole() {
        let doc = json!({"anything": [1, {"b": 2}]});
        assert_eq!(projection().apply("dataset", &doc), doc);
        // `b` is an array where the path names a key: kept whole, not guessed at.
        let odd = json!({"b": [{"c": 1, "d": 2}], "a": "text"});
        assert_eq!(projection().apply("card", &odd), odd);
        assert!(Projection::from_value(&json!({"card": [["a", 1]]})).is_none());
        assert!(Projection::from_value(&json!([])).is_none());
    }
}
