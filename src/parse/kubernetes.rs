//! A Kubernetes document as kubectl reads it. kubectl reads manifests with sigs.k8s.io/yaml,
//! built on go-yaml v2, which follows YAML 1.1: a plain `yes`, `On` or `n` is a boolean to it,
//! where the YAML 1.2 core schema that govlint parses by keeps a string. A workload with
//! `privileged: yes` runs privileged, so a rule must see `true` there.
//!
//! A list of objects (`kind: List`, or a `*List` kind such as `DeploymentList`, with `items`,
//! as `kubectl get -o yaml` writes it) is applied by kubectl item by item: [`items`] gives each
//! item as a document of its own, placed where it is in the file.
//!
//! Booleans are read so in the documents classified as Kubernetes objects and Helm values (Helm reads values
//! files the same way), at the boolean fields of the API. A quoted `"yes"` stays a string (the
//! API server rejects it for a boolean field, and the schema check reports it); so does a plain
//! `yes` anywhere else, and in the maps that hold free text (labels, annotations, ConfigMap
//! and Secret data), which are strings to Kubernetes whatever they look like.

use serde_json::Value;

use super::Document;
use crate::source::SourceMap;

/// The boolean fields of the Kubernetes API that a workload's security and behaviour turn on.
pub const BOOLEAN_FIELDS: &[&str] = &[
    // PodSpec.
    "automountServiceAccountToken",
    "enableServiceLinks",
    "hostIPC",
    "hostNetwork",
    "hostPID",
    "hostUsers",
    "setHostnameAsFQDN",
    "shareProcessNamespace",
    // SecurityContext and PodSecurityContext (with the Windows options).
    "allowPrivilegeEscalation",
    "privileged",
    "readOnlyRootFilesystem",
    "runAsNonRoot",
    "hostProcess",
    // Container.
    "stdin",
    "stdinOnce",
    "tty",
    // Volumes, mounts and key selectors.
    "readOnly",
    "optional",
    // Workloads, services, ConfigMaps and Secrets.
    "paused",
    "suspend",
    "manualSelector",
    "publishNotReadyAddresses",
    "allocateLoadBalancerNodePorts",
    "immutable",
];

/// Maps whose values are free text, whatever their keys.
const FREE_TEXT: &[&str] = &["labels", "annotations", "data", "stringData", "binaryData", "matchLabels", "nodeSelector"];

/// Reads the document's YAML 1.1 booleans ([`Document::yaml11`]) as booleans where a boolean
/// field of the API holds them.
pub fn resolve_booleans(doc: &mut Document) {
    for (pointer, b) in &doc.yaml11 {
        let tokens: Vec<&str> = pointer.split('/').skip(1).collect();
        let Some((field, path)) = tokens.split_last() else { continue };
        if !BOOLEAN_FIELDS.contains(field) || path.iter().any(|t| FREE_TEXT.contains(t)) {
            continue;
        }
        if let Some(slot) = doc.value.pointer_mut(pointer).filter(|v| v.is_string()) {
            *slot = Value::Bool(*b);
        }
    }
}

/// Whether a document is a list of objects: a `List` kind (`List`, `DeploymentList`…) with an
/// `items` sequence.
pub fn is_list(value: &Value) -> bool {
    value.get("kind").and_then(Value::as_str).is_some_and(|k| k.ends_with("List")) && value.get("items").is_some_and(Value::is_array)
}

/// The JSON pointer of item `i` of a list document.
pub fn item_pointer(i: usize) -> String {
    crate::source::item_pointer("/items", i)
}

/// The items of a list document ([`is_list`]), each as a document of its own: its value, and
/// the list's source map re-rooted at it (positions stay those of the file); each keeps the
/// list's `index`. Empty for a document that is no list.
pub fn items(doc: &Document) -> Vec<Document> {
    let Some(items) = doc.value.get("items").and_then(Value::as_array) else { return Vec::new() };
    let mut maps = vec![SourceMap::default(); items.len()];
    // The item a pointer is under, and the pointer within it.
    let split = |pointer: &str| -> Option<(usize, String)> {
        let rest = pointer.strip_prefix("/items/")?;
        let (i, below) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
        Some((i.parse::<usize>().ok()?, below.to_string()))
    };
    for (pointer, node) in doc.map.pointers() {
        if let Some((i, below)) = split(pointer) {
            if let Some(map) = maps.get_mut(i) {
                map.insert(below, *node);
            }
        }
    }
    // An alias within an item keeps its link; one to a node outside the item is found at the
    // alias, as no item's map holds the other.
    for (from, to) in doc.map.links() {
        if let (Some((i, from)), Some((j, to))) = (split(from), split(to)) {
            if let Some(map) = maps.get_mut(i).filter(|_| i == j) {
                map.link(from, to);
            }
        }
    }
    items
        .iter()
        .zip(maps)
        .map(|(value, map)| {
            let span = map.get("").map_or(doc.span, |n| n.value);
            Document { index: doc.index, value: value.clone(), map, span, later: Vec::new(), yaml11: Vec::new() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{yaml, Limits};
    use crate::source::SourceFile;

    fn resolved(text: &str) -> Value {
        let f = SourceFile::new("d.yaml", text.to_string());
        let mut doc = yaml::parse(&f, 0, &f.text, &Limits::default()).documents.remove(0);
        resolve_booleans(&mut doc);
        doc.value
    }

    #[test]
    fn boolean_fields_read_yaml_1_1_booleans() {
        let v = resolved("spec:\n  hostNetwork: On\n  containers:\n    - name: yes\n      tty: n\n      securityContext: {privileged: yes, allowPrivilegeEscalation: YES, runAsNonRoot: \"yes\", readOnlyRootFilesystem: !!str off}\n");
        let sc = &v["spec"]["containers"][0]["securityContext"];
        assert_eq!(v["spec"]["hostNetwork"], true);
        assert_eq!(v["spec"]["containers"][0]["tty"], false);
        assert_eq!(sc["privileged"], true);
        assert_eq!(sc["allowPrivilegeEscalation"], true);
        // Quoted or tagged: a string, as for kubectl. A string field keeps its text.
        assert_eq!(sc["runAsNonRoot"], "yes");
        assert_eq!(sc["readOnlyRootFilesystem"], "off");
        assert_eq!(v["spec"]["containers"][0]["name"], "yes");
    }

    #[test]
    fn list_items_are_documents_where_they_are() {
        let text = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n  - kind: Pod\n    metadata:\n      name: b\n";
        let f = SourceFile::new("l.yaml", text.to_string());
        let doc = yaml::parse(&f, 0, &f.text, &Limits::default()).documents.remove(0);
        assert!(is_list(&doc.value));
        let items = items(&doc);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].value["metadata"]["name"], "b");
        let name = items[1].map.get("/metadata/name").unwrap().value;
        assert_eq!((&text[name.start..name.end], f.position(name.start).line), ("b", 9));
        assert_eq!(f.position(items[1].span.start).line, 7);
    }

    #[test]
    fn list_items_keep_their_aliases_links() {
        let text = "kind: List\nitems:\n  - kind: Pod\n    env: &e {A: x}\n    more: *e\n  - kind: Pod\n    other: *e\n";
        let f = SourceFile::new("l.yaml", text.to_string());
        let doc = yaml::parse(&f, 0, &f.text, &Limits::default()).documents.remove(0);
        let items = items(&doc);
        let within = items[0].map.locate("/more/A").unwrap();
        assert_eq!((&text[within.span.value.start..within.span.value.end], within.exact), ("x", true));
        // A link to another item has no node to lead to in this one: found at the alias.
        let across = items[1].map.locate("/other/A").unwrap();
        assert_eq!((&text[across.span.value.start..across.span.value.end], across.exact), ("*e", false));
    }

    #[test]
    fn free_text_and_aliases() {
        let v = resolved("metadata:\n  labels: {privileged: yes}\nx: &t on\nspec: {hostPID: *t}\n");
        assert_eq!(v["metadata"]["labels"]["privileged"], "yes");
        assert_eq!(v["spec"]["hostPID"], true);
    }
}
