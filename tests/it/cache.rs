//! The result cache (`--cache`, `cache: true`): a cached run reports exactly what a fresh one
//! does, in every format, and re-evaluates what changed — a file, the config, a policy, the
//! inputs of the repository rules. `GOVLINT_CACHE_STATS=1` makes govlint count its hits and
//! misses on stderr, so each test also shows the cache was (or was not) used.

use crate::common;

use std::path::{Path, PathBuf};

use common::{copy_tree, example_repo, git, govlint_with, tempdir, write, Run};

const STATS: &[(&str, &str)] = &[("GOVLINT_CACHE_STATS", "1")];

/// A copy of the example repository in a fresh temporary directory.
fn repo() -> (tempfile::TempDir, PathBuf) {
    let (t, dir) = tempdir();
    copy_tree(&example_repo(), &dir);
    (t, dir)
}

/// `govlint check --format json <args>` in `dir`, with the cache's counts on stderr.
fn check(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = govlint_with(dir, STATS, &all);
    assert_ne!(run.code, 2, "the tool failed\n--- stderr\n{}", run.stderr);
    run
}

/// (hits, misses, repository hit, unread) from
/// `cache: H hits, M misses, repository hit|miss, U unread`.
#[track_caller]
fn counts(run: &Run) -> (usize, usize, bool, usize) {
    let line = run
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("cache: "))
        .unwrap_or_else(|| panic!("no cache line on stderr:\n{}", run.stderr));
    let parts: Vec<&str> = line.split([' ', ',']).filter(|s| !s.is_empty()).collect();
    match parts[..] {
        [h, "hits", m, "misses", "repository", r, u, "unread"] => (h.parse().unwrap(), m.parse().unwrap(), r == "hit", u.parse().unwrap()),
        _ => panic!("unexpected cache line: {line}"),
    }
}

/// (hits, misses, repository hit).
#[track_caller]
fn stats(run: &Run) -> (usize, usize, bool) {
    let (h, m, r, _) = counts(run);
    (h, m, r)
}

/// The index of each settings directory of the cache.
fn cache_files(dir: &Path) -> Vec<PathBuf> {
    let versioned = dir.join(".govlint-cache").join("v7");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&versioned).map(|r| r.map(|e| e.unwrap().path().join("index.json")).collect()).unwrap_or_default();
    files.sort();
    files
}

/// A cache file's JSON, after the line of its signature.
fn stored(file: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(file).unwrap();
    let (signature, json) = text.split_once('\n').unwrap();
    assert_eq!(signature.len(), 64, "{signature}");
    serde_json::from_str(json).unwrap()
}

/// The messages of `rule` in a JSON report.
fn messages(run: &Run, rule: &str) -> Vec<String> {
    run.report().diagnostics.iter().filter(|d| d.rule == rule).map(|d| format!("{}: {}", d.file, d.message)).collect()
}

/// Two runs agree byte for byte (stdout and exit code).
#[track_caller]
fn same(a: &Run, b: &Run) {
    assert_eq!(a.code, b.code);
    assert!(a.raw_stdout == b.raw_stdout, "outputs differ\n--- first\n{}\n--- second\n{}", a.stdout, b.stdout);
}

#[test]
fn a_second_run_is_served_from_the_cache_with_the_same_output() {
    let (_t, dir) = repo();
    let fresh = check(&dir, &["--no-cache"]);
    assert!(!fresh.stderr.contains("cache:"), "no cache, no counts: {}", fresh.stderr);
    assert!(!dir.join(".govlint-cache").exists(), "--no-cache creates nothing");

    let first = check(&dir, &["--cache"]);
    let (hits, misses, repo_hit) = stats(&first);
    assert_eq!((hits, repo_hit), (0, false));
    assert!(misses > 3, "{}", first.stderr);
    same(&fresh, &first);

    let cache = dir.join(".govlint-cache");
    assert_eq!(std::fs::read_to_string(cache.join(".gitignore")).unwrap(), "*\n");
    let tag = std::fs::read_to_string(cache.join("CACHEDIR.TAG")).unwrap();
    assert!(tag.starts_with("Signature: 8a477f597d28d172789f06886806bc55\n"), "{tag}");
    let files = cache_files(&dir);
    assert_eq!(files.len(), 1, "{files:?}");
    let stored = stored(&files[0]);
    assert_eq!(stored["version"], 7);
    assert_eq!(stored["files"].as_object().unwrap().len(), misses);

    let written = std::fs::metadata(&files[0]).unwrap().modified().unwrap();
    let second = check(&dir, &["--cache"]);
    assert_eq!(stats(&second), (misses, 0, true));
    same(&first, &second);
    // A run that finds everything as stored writes nothing.
    assert_eq!(std::fs::metadata(&files[0]).unwrap().modified().unwrap(), written, "the index was written again");
    let again = check(&dir, &["--no-cache"]);
    same(&fresh, &again);

    // The cache directory is never linted, nor listed as skipped, whatever it holds.
    write(&dir, ".govlint-cache/stray.yaml", "kind: ModelCard\n");
    let verbose = govlint_with(&dir, STATS, &["check", "--format", "json", "--cache", "-v"]);
    assert!(!verbose.stderr.contains(".govlint-cache"), "{}", verbose.stderr);
    same(&first, &verbose);

    // `cache: true` in govlint.yaml turns it on; --no-cache wins over it.
    let config = std::fs::read_to_string(dir.join("govlint.yaml")).unwrap();
    std::fs::write(dir.join("govlint.yaml"), format!("{config}cache: true\n")).unwrap();
    let by_config = check(&dir, &[]);
    assert_eq!(stats(&by_config).1, misses, "a new config, a new cache file");
    assert_eq!(stats(&check(&dir, &[])), (misses, 0, true));
    assert!(!check(&dir, &["--no-cache"]).stderr.contains("cache:"));
    assert_eq!(cache_files(&dir).len(), 2);
}

#[test]
fn every_format_is_the_same_with_the_cache_whatever_the_workers() {
    let (_t, dir) = repo();
    let formats = ["json", "sarif", "junit", "github", "markdown", "human"];
    let run = |tag: &str, args: &[&str]| -> Vec<Vec<u8>> {
        let mut all = vec!["check".to_string()];
        for f in formats {
            all.push("--format".to_string());
            all.push(format!("{f}:{tag}.{f}.out"));
        }
        all.extend(args.iter().map(|s| s.to_string()));
        let all: Vec<&str> = all.iter().map(String::as_str).collect();
        let r = govlint_with(&dir, STATS, &all);
        assert_ne!(r.code, 2, "{}", r.stderr);
        formats.iter().map(|f| std::fs::read(dir.join(format!("{tag}.{f}.out"))).unwrap()).collect()
    };
    let fresh = run("fresh", &["--no-cache", "-j", "1"]);
    let cold = run("cold", &["--cache", "-j", "2"]);
    let warm1 = run("warm1", &["--cache", "-j", "1"]);
    let warm2 = run("warm2", &["--cache", "-j", "2"]);
    for (i, f) in formats.iter().enumerate() {
        for (name, other) in [("cold", &cold), ("warm -j 1", &warm1), ("warm -j 2", &warm2)] {
            assert!(fresh[i] == other[i], "{f} differs ({name}):\n{}\n---\n{}", String::from_utf8_lossy(&fresh[i]), String::from_utf8_lossy(&other[i]));
        }
    }
}

#[test]
fn a_changed_file_is_evaluated_again() {
    let (_t, dir) = repo();
    let card = dir.join("models/acme-chat-7b/model-card.yaml");
    let text = std::fs::read_to_string(&card).unwrap();
    let first = check(&dir, &["--cache"]);
    let (_, files, _) = stats(&first);
    let license = |run: &Run| messages(run, "schema").into_iter().filter(|m| m.starts_with("models/acme-chat-7b/model-card.yaml")).count();
    assert_eq!(license(&first), 0);

    // Break the card's license (a schema finding appears), then fix it again.
    std::fs::write(&card, text.replace("license: apache-2.0", "license: [1, 2]")).unwrap();
    let broken = check(&dir, &["--cache"]);
    assert_eq!(stats(&broken), (files - 1, 1, false));
    assert!(license(&broken) > 0, "{}", broken.stdout);
    same(&check(&dir, &["--no-cache"]), &broken);

    std::fs::write(&card, &text).unwrap();
    let fixed = check(&dir, &["--cache"]);
    assert_eq!(stats(&fixed), (files - 1, 1, false));
    same(&first, &fixed);

    // A deleted file drops out of the cache.
    std::fs::remove_file(dir.join("deploy/helm/values.yaml")).unwrap();
    let fewer = check(&dir, &["--cache"]);
    assert_eq!(stats(&fewer), (files - 1, 0, false));
    same(&check(&dir, &["--no-cache"]), &fewer);
    let stored = stored(&cache_files(&dir)[0]);
    assert!(stored["files"].get("deploy/helm/values.yaml").is_none());
    assert_eq!(stored["files"].as_object().unwrap().len(), files - 1);
}

#[test]
fn a_changed_config_gives_its_own_results() {
    let (_t, dir) = repo();
    let config = std::fs::read_to_string(dir.join("govlint.yaml")).unwrap();
    let all = check(&dir, &["--cache"]);
    let (_, files, _) = stats(&all);
    let rules = |run: &Run| {
        let mut r: Vec<String> = run.report().diagnostics.iter().map(|d| d.rule.clone()).collect();
        r.sort();
        r.dedup();
        r
    };

    // Fewer frameworks: fewer rules run, every file is evaluated again.
    std::fs::write(dir.join("govlint.yaml"), format!("{config}frameworks: [eu-ai-act]\n")).unwrap();
    let eu = check(&dir, &["--cache"]);
    assert_eq!(stats(&eu), (0, files, false));
    same(&check(&dir, &["--no-cache"]), &eu);
    assert_ne!(rules(&all), rules(&eu));

    // A rule's severity, set in the config.
    std::fs::write(dir.join("govlint.yaml"), format!("{config}rules:\n  schema: note\n")).unwrap();
    let noted = check(&dir, &["--cache"]);
    assert_eq!(stats(&noted), (0, files, false));
    same(&check(&dir, &["--no-cache"]), &noted);

    // Back to the first config: its results are still there.
    std::fs::write(dir.join("govlint.yaml"), &config).unwrap();
    let back = check(&dir, &["--cache"]);
    assert_eq!(stats(&back), (files, 0, true));
    same(&all, &back);
    assert_eq!(cache_files(&dir).len(), 3);
}

#[test]
fn a_changed_policy_gives_its_new_findings() {
    let (_t, dir) = repo();
    let policy = |word: &str| {
        format!(
            "package main\n\ndeny contains msg if {{\n\tinput.kind == \"ModelCard\"\n\tmsg := sprintf(\"{word}: %s\", [input.metadata.name])\n}}\n"
        )
    };
    write(&dir, "mypolicies/cards.rego", &policy("first"));
    let first = check(&dir, &["--cache", "-p", "mypolicies/"]);
    let found = messages(&first, "main");
    assert!(!found.is_empty() && found.iter().all(|m| m.contains("first: ")), "{found:?}");
    let (_, files, _) = stats(&first);
    assert_eq!(stats(&check(&dir, &["--cache", "-p", "mypolicies/"])), (files, 0, true));

    write(&dir, "mypolicies/cards.rego", &policy("second"));
    let second = check(&dir, &["--cache", "-p", "mypolicies/"]);
    assert_eq!(stats(&second), (0, files, false));
    let found = messages(&second, "main");
    assert!(!found.is_empty() && found.iter().all(|m| m.contains("second: ")), "{found:?}");
    same(&check(&dir, &["--no-cache", "-p", "mypolicies/"]), &second);
    // Without the user policy, another bundle: the first cache file is not reused.
    let builtin = check(&dir, &["--cache"]);
    assert_eq!(stats(&builtin).0, 0);
    assert!(messages(&builtin, "main").is_empty());
}

#[test]
fn repository_rules_follow_the_model_cards() {
    let (_t, dir) = repo();
    let first = check(&dir, &["--cache"]);
    let (_, files, _) = stats(&first);
    let xr = |run: &Run| -> Vec<String> {
        run.report().diagnostics.iter().filter(|d| d.rule.starts_with("XR")).map(|d| format!("{} {}: {}", d.rule, d.file, d.message)).collect()
    };
    let before = xr(&first);

    // The card of the legacy model (CRLF line ends) names another dataset, with no manifest
    // either: XR003 says so.
    let card = dir.join("models/legacy-summarizer/README.md");
    let text = std::fs::read_to_string(&card).unwrap();
    assert!(text.contains("datasets:\r\n- cnn_dailymail\r\n"));
    std::fs::write(&card, text.replace("datasets:\r\n- cnn_dailymail\r\n", "datasets:\r\n- xsum\r\n")).unwrap();
    let renamed = check(&dir, &["--cache"]);
    assert_eq!(stats(&renamed), (files - 1, 1, false));
    assert!(xr(&renamed).iter().any(|m| m.starts_with("XR003 ") && m.contains("`xsum`")), "{:#?}", xr(&renamed));
    assert!(before.iter().any(|m| m.starts_with("XR003 ") && m.contains("`cnn_dailymail`")), "{before:#?}");
    same(&check(&dir, &["--no-cache"]), &renamed);
    assert_eq!(stats(&check(&dir, &["--cache"])), (files, 0, true));

    std::fs::write(&card, &text).unwrap();
    let restored = check(&dir, &["--cache"]);
    assert_eq!(xr(&restored), before);
    same(&first, &restored);
}

#[test]
fn a_corrupt_or_unwritable_cache_never_fails_the_run() {
    let (_t, dir) = repo();
    let first = check(&dir, &["--cache"]);
    let (_, files, _) = stats(&first);
    let file = cache_files(&dir).remove(0);

    // Garbage: ignored without a word, and rewritten.
    std::fs::write(&file, b"\x00\xffnot json{{{").unwrap();
    let corrupt = check(&dir, &["--cache"]);
    assert_eq!(stats(&corrupt), (0, files, false));
    assert!(!corrupt.stderr.contains("warning"), "{}", corrupt.stderr);
    same(&first, &corrupt);
    let rewritten = std::fs::read_to_string(&file).unwrap();
    let (_signature, json) = rewritten.split_once('\n').unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(json).is_ok());
    assert_eq!(stats(&check(&dir, &["--cache"])), (files, 0, true));

    // Another format version: the same.
    std::fs::write(&file, r#"{"version": 999, "settings": "x", "files": {}, "repository": null}"#).unwrap();
    let foreign = check(&dir, &["--cache"]);
    assert_eq!(stats(&foreign), (0, files, false));
    same(&first, &foreign);

    // A cache directory that cannot be created (a file is in the way): one warning.
    write(&dir, "in-the-way", "");
    let blocked = check(&dir, &["--cache-dir", "in-the-way/cache"]);
    assert_eq!(blocked.stderr.matches("warning:").count(), 1, "{}", blocked.stderr);
    same(&first, &blocked);

    // A cache directory that cannot be written: the cached results are used, one warning.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let cache = dir.join(".govlint-cache");
        let versioned = cache.join("v7");
        let settings = cache_files(&dir).remove(0).parent().unwrap().to_path_buf();
        for d in [&cache, &versioned, &settings] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o555)).unwrap();
        }
        // Root writes anyway: nothing to test then.
        let probe = settings.join("probe");
        if std::fs::write(&probe, "").is_ok() {
            let _ = std::fs::remove_file(&probe);
        } else {
            let read_only = check(&dir, &["--cache"]);
            assert_eq!(read_only.code, first.code);
            assert_eq!(read_only.stderr.matches("warning:").count(), 1, "{}", read_only.stderr);
            assert_eq!(stats(&read_only), (files, 0, true));
            same(&first, &read_only);
        }
        for d in [&cache, &versioned, &settings] {
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
}

#[test]
fn a_cache_dir_inside_the_tree_is_not_linted() {
    let (_t, dir) = repo();
    let fresh = check(&dir, &["--no-cache"]);
    let first = check(&dir, &["--cache-dir", "build/lint-cache"]);
    assert!(dir.join("build/lint-cache/CACHEDIR.TAG").is_file());
    assert!(!dir.join(".govlint-cache").exists());
    let (_, files, _) = stats(&first);
    let second = govlint_with(&dir, STATS, &["check", "--format", "json", "--cache-dir", "build/lint-cache", "-v"]);
    assert_eq!(stats(&second), (files, 0, true));
    assert!(!second.stderr.contains("lint-cache"), "{}", second.stderr);
    same(&fresh, &first);
    same(&fresh, &second);
}

#[test]
fn an_edit_outside_the_facts_keeps_the_repository_findings_and_places_them_anew() {
    let (_t, dir) = repo();
    let first = check(&dir, &["--cache"]);
    let (_, files, _) = stats(&first);
    let name = "models/legacy-summarizer/README.md";
    let xr003 = |run: &Run| -> Vec<(usize, usize, String)> {
        run.report().diagnostics.iter().filter(|d| d.rule == "XR003" && d.file == name).map(|d| (d.line, d.column, d.message.clone())).collect()
    };
    let before = xr003(&first);
    assert!(!before.is_empty(), "{}", first.stdout);

    // A comment at the top of the card's front matter: no field the repository rules read
    // changes, so their findings come from the cache, but every line below it moves.
    let card = dir.join(name);
    let text = std::fs::read_to_string(&card).unwrap();
    assert!(text.starts_with("---\r\n"));
    std::fs::write(&card, text.replacen("---\r\n", "---\r\n# reviewed by the data team\r\n", 1)).unwrap();
    let edited = check(&dir, &["--cache"]);
    assert_eq!(stats(&edited), (files - 1, 1, true));
    same(&check(&dir, &["--no-cache"]), &edited);
    let after = xr003(&edited);
    assert_eq!(after.len(), before.len());
    for ((l0, c0, m0), (l1, c1, m1)) in before.iter().zip(&after) {
        assert_eq!((l0 + 1, c0, m0), (*l1, c1, m1));
    }
}

#[test]
fn changed_since_with_a_warm_cache_reads_only_the_changed_files() {
    let (_t, dir) = repo();
    git(&dir, &["init", "-q"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "base"]);
    let full = check(&dir, &["--cache"]);
    let (_, files, _) = stats(&full);
    let xr = |run: &Run| -> Vec<String> {
        run.report().diagnostics.iter().filter(|d| d.rule.starts_with("XR")).map(|d| format!("{} {}:{}: {}", d.rule, d.file, d.line, d.message)).collect()
    };

    // Prose added to a model card: the other files are not read, the repository rules'
    // findings come from the cache, and the output is a fresh run's.
    let prose = dir.join("models/acme-chat-7b/README.md");
    let text = std::fs::read_to_string(&prose).unwrap();
    std::fs::write(&prose, format!("{text}\nA paragraph on intended use.\n")).unwrap();
    let run = check(&dir, &["--cache", "--changed-since", "HEAD"]);
    assert_eq!(counts(&run), (0, 1, true, files - 1));
    same(&check(&dir, &["--no-cache", "--changed-since", "HEAD"]), &run);

    // A changed fact: the repository rules run again, over the stored documents of the files
    // not read, and find what a fresh run finds.
    let legacy = dir.join("models/legacy-summarizer/README.md");
    let text = std::fs::read_to_string(&legacy).unwrap();
    std::fs::write(&legacy, text.replace("datasets:\r\n- cnn_dailymail\r\n", "datasets:\r\n- xsum\r\n")).unwrap();
    let renamed = check(&dir, &["--cache", "--changed-since", "HEAD"]);
    assert_eq!(counts(&renamed), (1, 1, false, files - 2));
    let found = xr(&renamed);
    assert!(found.iter().any(|m| m.starts_with("XR003 models/legacy-summarizer/README.md") && m.contains("`xsum`")), "{found:#?}");
    same(&check(&dir, &["--no-cache", "--changed-since", "HEAD"]), &renamed);
    same(&check(&dir, &["--cache", "--changed-since", "HEAD"]), &renamed);

    // Committed: nothing changed since HEAD, and no file is read at all.
    git(&dir, &["commit", "-q", "-am", "edits"]);
    let committed = check(&dir, &["--cache", "--changed-since", "HEAD"]);
    assert_eq!(counts(&committed), (0, 0, true, files));
    same(&check(&dir, &["--no-cache", "--changed-since", "HEAD"]), &committed);

    // A file committed with content the cache never saw is not vouched for: it is read.
    std::fs::write(&legacy, &text).unwrap();
    git(&dir, &["commit", "-q", "-am", "back"]);
    let restored = check(&dir, &["--cache", "--changed-since", "HEAD"]);
    assert_eq!(counts(&restored), (0, 0, false, files - 1));
    same(&check(&dir, &["--no-cache", "--changed-since", "HEAD"]), &restored);
}

/// Re-signs a cache file as govlint signs it (see `cache::Key`), with the key `key` (hex): what
/// someone who edits a cache with their own govlint's key can do.
fn reseal(file: &Path, key: &str) {
    use hmac::{Hmac, Mac};
    let text = std::fs::read_to_string(file).unwrap();
    let (_, json) = text.split_once('\n').unwrap();
    let settings = file.parent().unwrap().file_name().unwrap().to_str().unwrap();
    let name = file.file_name().unwrap().to_str().unwrap();
    let key = data_encoding::HEXLOWER.decode(key.trim().as_bytes()).unwrap();
    let mut mac = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&key).unwrap();
    for part in [b"govlint cache v4".as_slice(), settings.as_bytes(), name.as_bytes()] {
        mac.update(&(part.len() as u64).to_le_bytes());
        mac.update(part);
    }
    mac.update(json.as_bytes());
    let tag = data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes());
    std::fs::write(file, format!("{tag}\n{json}")).unwrap();
}

#[test]
fn a_cache_committed_to_the_repository_is_never_trusted() {
    let (_t, dir) = repo();
    let config = std::fs::read_to_string(dir.join("govlint.yaml")).unwrap();
    std::fs::write(dir.join("govlint.yaml"), format!("{config}\ncache: true\n")).unwrap();
    git(&dir, &["init", "-q"]);
    // Whoever commits runs govlint with a key of their own, then empties every finding in the
    // cache and signs it again with that key.
    let (_a, attacker) = tempdir();
    let env = [("GOVLINT_CACHE_STATS", "1"), ("XDG_CACHE_HOME", attacker.to_str().unwrap())];
    let honest = govlint_with(&dir, &env, &["check", "--format", "json"]);
    honest.expect_code(1);
    let key = std::fs::read_to_string(attacker.join("govlint/cache-key")).unwrap();
    let settings = cache_files(&dir).remove(0).parent().unwrap().to_path_buf();
    for entry in std::fs::read_dir(&settings).unwrap() {
        let file = entry.unwrap().path();
        let text = std::fs::read_to_string(&file).unwrap();
        let (_, json) = text.split_once('\n').unwrap();
        let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
        if file.file_name().unwrap() == "index.json" {
            value["repository"]["results"].as_array_mut().unwrap().iter_mut().for_each(|r| r[1] = serde_json::json!({"Ok": []}));
        } else {
            value.as_object_mut().unwrap().values_mut().for_each(|p| (0..2).for_each(|i| p["findings"][i] = serde_json::json!([])));
        }
        std::fs::write(&file, format!("x\n{value}")).unwrap();
        reseal(&file, &key);
    }
    let forged = govlint_with(&dir, &env, &["check", "--format", "json"]);
    forged.expect_code(0);
    assert_eq!(stats(&forged).0, honest.report().summary.artifacts, "the forged cache is this key's own: {}", forged.stderr);
    git(&dir, &["add", "."]);
    git(&dir, &["add", "-f", ".govlint-cache"]);
    git(&dir, &["commit", "-q", "-m", "a cache that passes"]);

    // A fresh clone, checked by someone else: the cache is not theirs, and is not read.
    let (_c, clone) = tempdir();
    git(&clone, &["clone", "-q", dir.to_str().unwrap(), "."]);
    let run = check(&clone, &[]);
    assert_eq!(run.code, 1, "the committed cache passed the gate:\n{}", run.stderr);
    assert_eq!(stats(&run), (0, honest.report().summary.artifacts, false));
    assert!(run.stderr.contains("were not written by this user's govlint"), "{}", run.stderr);
    same(&honest, &run);
    // Its own cache, written in its place, serves the next run.
    let again = check(&clone, &[]);
    assert_eq!(stats(&again).0, honest.report().summary.artifacts);
    assert!(!again.stderr.contains("warning"), "{}", again.stderr);
    same(&honest, &again);
}

#[test]
#[cfg(unix)]
fn a_cache_directory_that_is_a_link_is_not_followed() {
    let (_t, dir) = repo();
    let fresh = check(&dir, &["--no-cache"]);
    // Directories elsewhere, named as a cache names its settings directories.
    let (_o, outside) = tempdir();
    for i in 0..10 {
        std::fs::create_dir(outside.join(format!("{i:064x}"))).unwrap();
    }
    std::os::unix::fs::symlink(&outside, dir.join(".govlint-cache")).unwrap();
    let run = check(&dir, &["--cache"]);
    assert!(run.stderr.contains("warning: the cache directory") && run.stderr.contains("not a directory"), "{}", run.stderr);
    same(&fresh, &run);
    // A link one level down: the same.
    std::fs::remove_file(dir.join(".govlint-cache")).unwrap();
    std::fs::create_dir(dir.join(".govlint-cache")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join(".govlint-cache/v7")).unwrap();
    let run = check(&dir, &["--cache"]);
    assert!(run.stderr.contains("in the cache is not a directory"), "{}", run.stderr);
    same(&fresh, &run);
    assert_eq!(std::fs::read_dir(&outside).unwrap().count(), 10, "nothing outside is written or pruned");
}

#[test]
fn the_cache_key_is_never_kept_inside_the_repository() {
    let (_t, dir) = repo();
    let inside = dir.join(".cache");
    let run = govlint_with(&dir, &[("GOVLINT_CACHE_STATS", "1"), ("XDG_CACHE_HOME", inside.to_str().unwrap())], &["check", "--format", "json", "--cache"]);
    assert!(run.stderr.contains("inside the repository checked"), "{}", run.stderr);
    assert!(!inside.join("govlint/cache-key").exists());
    same(&check(&dir, &["--no-cache"]), &run);
}

#[test]
fn findings_that_depend_on_the_time_or_chance_are_never_cached() {
    let (_t, dir) = tempdir();
    write(&dir, "models/a/model-card.yaml", "model_name: demo\nlicense: mit\n");
    write(&dir, "models/b/model-card.yaml", "model_name: other\nlicense: mit\n");
    // The clock is read in a library package, and reaches the rule through an import.
    write(&dir, "policy/clock.rego", "package lib.clock\n\nimport rego.v1\n\nnow := time.now_ns()\n");
    write(
        &dir,
        "policy/main.rego",
        "package main\n\nimport rego.v1\nimport data.lib.clock\n\ndeny contains msg if {\n\tmsg := sprintf(\"checked at %d\", [clock.now])\n}\n",
    );
    write(&dir, "policy/dice.rego", "package dice\n\nimport rego.v1\n\ndeny contains msg if {\n\tmsg := sprintf(\"rolled %d\", [rand.intn(\"die\", 1000000000)])\n}\n");
    write(&dir, "policy/steady.rego", "package steady\n\nimport rego.v1\n\ndeny contains \"always the same\" if input.license\n");
    // A repository rule reads the clock too.
    write(
        &dir,
        "policy/repo.rego",
        "package govlint.repository.census\n\nimport rego.v1\nimport data.lib.clock\n\ndeny contains msg if {\n\tmsg := sprintf(\"%d artifacts at %d\", [count(input.artifacts), clock.now])\n}\n",
    );
    let args = ["--no-builtin", "-p", "policy", "-n", "main", "-n", "dice", "-n", "steady", "--cache"];
    let volatile = |run: &Run| -> Vec<String> {
        let mut m: Vec<String> = run.report().diagnostics.iter().filter(|d| ["main", "dice", "govlint.repository.census"].contains(&d.rule.as_str())).map(|d| format!("{}: {}", d.file, d.message)).collect();
        m.sort();
        m
    };
    let first = check(&dir, &args);
    assert_eq!((stats(&first).0, stats(&first).1), (0, 2));
    assert_eq!(volatile(&first).len(), 5, "{}", first.stdout);
    let second = check(&dir, &args);
    // The steady package's findings come from the cache; the clock's and the dice's are new.
    assert_eq!((stats(&second).0, stats(&second).1), (2, 0));
    assert_eq!(messages(&second, "steady"), messages(&first, "steady"));
    assert_eq!(messages(&second, "steady").len(), 2);
    let (a, b) = (volatile(&first), volatile(&second));
    for (x, y) in a.iter().zip(&b) {
        assert_ne!(x, y, "a finding that depends on the time or on chance was replayed from the cache");
    }
}
