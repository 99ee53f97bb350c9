//! Which packages are evaluated together: the packages of a kind, and their rules grouped so
//! that one query evaluates a group.

use super::*;

/// The started hundreds of `documents`, at least one: what the limits of an evaluation that
/// sees them all are multiplied by.
pub(super) fn hundreds(documents: usize) -> u64 {
    documents.div_ceil(100).max(1) as u64
}

/// The indexes of the per-artifact packages that apply to a document of `kind`.
pub(super) fn artifact_packages(packages: &[Package], kind: Kind) -> Vec<usize> {
    (0..packages.len()).filter(|&i| packages[i].role == Role::Artifact && packages[i].applies_to(kind)).collect()
}

/// The package that holds the generated group rules.
pub(super) const GROUP_PACKAGE: &str = "govlint_internal.groups";

/// Adds one rule for each group of packages that a document of some kind is checked against
/// (with and without the user packages, which `--combine` takes out), and returns the rule of
/// each group. A document is then evaluated by the rule's path: no query text to parse or
/// analyse per document, which is most of an evaluation's cost with a small policy set.
/// Should the module not parse (a package name it cannot spell), every group is evaluated by a
/// query as before.
/// With `alone`, each per-artifact package is also a group of its own (for `--timings`).
pub(super) fn group_rules(engine: &mut Engine, packages: &[Package], terms: &[String], alone: bool) -> BTreeMap<Vec<usize>, String> {
    let mut groups = BTreeMap::new();
    for p in (0..packages.len()).filter(|&p| alone && packages[p].role == Role::Artifact) {
        let name = format!("g{}", groups.len());
        groups.insert(vec![p], name);
    }
    for kind in Kind::ALL {
        let all = artifact_packages(packages, kind);
        let builtin: Vec<usize> = all.iter().copied().filter(|&i| packages[i].builtin).collect();
        for group in [all, builtin] {
            if !group.is_empty() && !groups.contains_key(&group) {
                let name = format!("g{}", groups.len());
                groups.insert(group, name);
            }
        }
    }
    if groups.is_empty() {
        return BTreeMap::new();
    }
    let module = group_module(groups.iter().map(|(g, name)| (name.as_str(), g.as_slice())), terms);
    engine.set_rego_v0(false);
    if engine.add_policy("<govlint groups>".to_string(), module).is_err() {
        return BTreeMap::new();
    }
    groups.into_iter().map(|(g, name)| (g, format!("data.{GROUP_PACKAGE}.{name}"))).collect()
}

/// The module of [`GROUP_PACKAGE`] that defines each named group's rule: the array of its
/// packages' results, in the group's order.
pub(super) fn group_module<'a>(groups: impl IntoIterator<Item = (&'a str, &'a [usize])>, terms: &[String]) -> String {
    let mut module = format!("package {GROUP_PACKAGE}\n\nimport rego.v1\n");
    for (name, group) in groups {
        let refs: Vec<&str> = group.iter().map(|&p| terms[p].as_str()).collect();
        module.push_str(&format!("\n{name} := [{}]\n", refs.join(", ")));
    }
    module
}

/// The term that evaluates each package's results: `data.<package>` for a package declared in
/// one module. For one declared in several (a conftest policy directory in `package main`),
/// an object of its result rules (`deny*`, `violation*`, `warn*`, `exception`), each read by its
/// own path: regorus 0.14, evaluating a package's whole document, marks the package evaluated
/// once its first module's rules are, and a later module's rules then read an import alias
/// (`import data.kubernetes`, then `kubernetes.is_service`) as an undefined rule of the
/// package: their results were lost. Read rule by rule, each module's imports apply.
pub(super) fn package_terms(engine: &mut Engine, packages: &[Package]) -> Vec<String> {
    use regorus::unstable::{Expr, Rule, RuleHead};
    fn root(e: &Expr) -> Option<String> {
        match e {
            Expr::Var { span, .. } => Some(span.text().to_string()),
            Expr::RefDot { refr, .. } | Expr::RefBrack { refr, .. } => root(refr),
            _ => None,
        }
    }
    // Per package: how many modules declare it, and the names its rules are rooted at.
    let mut declared: BTreeMap<String, (usize, BTreeSet<String>)> = BTreeMap::new();
    for m in engine.get_modules() {
        let Ok(name) = regorus::utils::get_path_string(&m.package.refr, None) else { continue };
        let entry = declared.entry(name).or_default();
        entry.0 += 1;
        for r in &m.policy {
            let refr = match r.as_ref() {
                Rule::Spec { head: RuleHead::Compr { refr, .. } | RuleHead::Set { refr, .. }, .. } => refr,
                Rule::Default { refr, args, .. } if args.is_empty() => refr,
                _ => continue,
            };
            entry.1.extend(root(refr));
        }
    }
    packages
        .iter()
        .map(|p| match declared.get(&p.name) {
            Some((modules, rules)) if *modules > 1 => {
                let parts: Vec<String> = rules
                    .iter()
                    .filter(|r| rule_kind(r).is_some() || *r == "exception")
                    .map(|r| format!("{{\"{r}\": x | x := data.{}.{r}}}", p.name))
                    .collect();
                format!("object.union_n([{}])", parts.join(", "))
            }
            _ => format!("data.{}", p.name),
        })
        .collect()
}
