//! Setting up the engine: bounded ranges, the time limit, the rule ids a run knows, and the
//! digest of what was compiled.

use super::*;

/// Most elements `numbers.range` and `numbers.range_step` may produce.
pub const MAX_RANGE: i64 = 1_000_000;

/// Replaces regorus's `numbers.range` and `numbers.range_step` with bounded versions. The
/// builtins reserve the whole array before checking the time limit, so `numbers.range(1, 1e10)`
/// would abort the process on a failed allocation, and a zero step divides by zero. Extensions
/// are looked up before builtins, so these take their place for every policy.
pub(super) fn bound_ranges(engine: &mut Engine) -> Result<(), ToolError> {
    fn range(name: &str, from: &regorus::Value, to: &regorus::Value, step: Option<&regorus::Value>) -> anyhow::Result<regorus::Value> {
        let int = |v: &regorus::Value| v.as_i64().map_err(|_| anyhow::anyhow!("{name}: operands must be integers"));
        let (from, to) = (int(from)?, int(to)?);
        let step = match step {
            Some(s) => int(s)?,
            None => 1,
        };
        if step <= 0 {
            anyhow::bail!("{name}: step must be a positive integer");
        }
        let len = (i128::from(to) - i128::from(from)).unsigned_abs() / step as u128 + 1;
        if len > MAX_RANGE as u128 {
            anyhow::bail!("{name}: a range of {len} elements is more than govlint allows ({MAX_RANGE})");
        }
        let dir = if to >= from { step } else { -step };
        let items = (0..len as i64).map(|i| regorus::Value::from(from + i * dir)).collect::<Vec<_>>();
        Ok(regorus::Value::from(items))
    }
    let fail = |e: anyhow::Error| ToolError::msg(format!("cannot set up the policy engine: {e}"));
    engine
        .add_extension("numbers.range".to_string(), 2, Box::new(|a: Vec<regorus::Value>| match &a[..] {
            [from, to] => range("numbers.range", from, to, None),
            _ => anyhow::bail!("numbers.range expects 2 arguments"),
        }))
        .map_err(fail)?;
    engine
        .add_extension(
            "numbers.range_step".to_string(),
            3,
            Box::new(|a: Vec<regorus::Value>| match &a[..] {
                [from, to, step] => range("numbers.range_step", from, to, Some(step)),
                _ => anyhow::bail!("numbers.range_step expects 3 arguments"),
            }),
        )
        .map_err(fail)
}

/// The engine's time limit on one evaluation, checked every 64 steps.
pub(super) fn time_limit(limit: Duration) -> regorus::utils::limits::ExecutionTimerConfig {
    regorus::utils::limits::ExecutionTimerConfig { limit, check_interval: std::num::NonZeroU32::new(64).unwrap_or(std::num::NonZeroU32::MIN) }
}

/// The rule ids a run knows and those in force (see [`crate::select::RuleIds`]): the built-in
/// checks, the packages compiled that are not helpers (bundled rules of every framework, user
/// policies of every namespace), and, when the bundled rules were not compiled
/// (`--no-builtin`), their ids from their metadata.
pub(super) fn rule_ids(by_name: &BTreeMap<String, Package>, opts: &LoadOptions, in_force: &dyn Fn(&Package) -> bool) -> crate::select::RuleIds {
    let mut ids = crate::select::RuleIds::default();
    for (code, _) in codes::ALL {
        ids.known.insert(code.to_string());
        ids.in_force.insert(code.to_string());
    }
    let rules = |name: &str| name.starts_with(RULES_PREFIX) || name.starts_with(REPOSITORY_PREFIX);
    for p in by_name.values().filter(|p| p.role != Role::Library && (!p.builtin || rules(&p.name))) {
        let id = p.rule_id();
        if p.builtin {
            ids.frameworks.insert(id.clone(), p.meta.as_ref().map(|m| m.custom.frameworks.keys().cloned().collect()).unwrap_or_default());
        }
        if in_force(p) {
            ids.in_force.insert(id.clone());
        }
        ids.known.insert(id);
    }
    // Only worth the metadata's parse when there is a selection to check.
    let selecting = opts.selection.select.is_some() || !opts.selection.ignore.is_empty() || !opts.selection.config.is_empty();
    if !opts.builtin && selecting {
        for f in bundled_files().into_iter().filter(|f| !f.is_test() && rules(&f.package)) {
            if let Ok(Some(meta)) = metadata::parse(&f.source) {
                let id = meta.custom.id.clone().unwrap_or_else(|| f.package.clone());
                ids.frameworks.insert(id.clone(), meta.custom.frameworks.keys().cloned().collect());
                ids.known.insert(id);
            }
        }
    }
    ids
}

/// See [`PolicySet::digest`].
pub(super) fn bundle_digest(files: &[RegoFile], data: &Value, opts: &LoadOptions, packages: &[Package]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    for f in files {
        field(f.path.as_bytes());
        field(&[u8::from(f.builtin)]);
        field(f.source.text.as_bytes());
    }
    field(data.to_string().as_bytes());
    let frameworks = opts.frameworks.as_ref().map(|f| f.iter().cloned().collect::<Vec<_>>());
    let options = json!({
        "builtin": opts.builtin,
        "namespaces": opts.namespaces,
        "all_namespaces": opts.all_namespaces,
        "rego_v0": opts.rego_v0,
        "frameworks": frameworks,
        // What the selection leaves to evaluate.
        "packages": packages.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        "timeout_ms": opts.timeout.as_millis() as u64,
    });
    field(options.to_string().as_bytes());
    data_encoding::HEXLOWER.encode(&h.finalize())
}
