//! The artifact: a file that holds at least one classified document, with what its checks
//! found out about it.

use std::sync::Arc;

use crate::classify::{Format, Kind};
use crate::evidence;
use crate::parse::ParsedFile;
use crate::source::SourceFile;

/// One classified document of an artifact file.
#[derive(Debug, Clone)]
pub struct ArtifactDoc {
    pub index: usize,
    pub kind: Kind,
    pub format: Format,
    pub reason: String,
    /// The item of a list document (`kind: List` with `items`) this is: each item is checked as
    /// the document it is (see [`parse::kubernetes::items`]).
    pub item: Option<usize>,
}


/// A file that holds at least one artifact document.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub file: String,
    pub parsed: ParsedFile,
    pub docs: Vec<ArtifactDoc>,
    /// The documents of `docs`, in order, as the policy engine holds them — kept after the
    /// file's own evaluation only for the rules that see every artifact (repository rules,
    /// `--combine`). For the bundled repository rules, one value instead: the list of the
    /// file's summaries (see [`policy::PolicySet::summary`]).
    pub values: Vec<regorus::Value>,
    /// The summaries the bundled repository rules read, for the cache; see [`Facts`].
    pub facts: Option<Facts>,
    /// The length and SHA-256 of the text, when the text was let go after the file's own checks
    /// (no finding needs it) while a repository finding may still have to be placed in it: the
    /// file is then read again, and used only if it is still the same.
    pub released: Option<Released>,
    /// What the rules that state their evidence said of the file, one entry per rule (see
    /// [`evidence`]).
    pub judged: Vec<evidence::Judged>,
    /// Whether the file's own checks ran and are reported (not a file read only for the
    /// repository rules).
    pub reported: bool,
    /// What its manifests speak for, and the workloads it defines (see [`evidence::Links`]);
    /// `None` when neither.
    pub links: Option<Box<evidence::Links>>,
}

/// The length and SHA-256 of a text that is no longer held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released {
    pub len: usize,
    pub sha256: [u8; 32],
}

impl Released {
    pub fn of(text: &str) -> Released {
        use sha2::Digest;
        Released { len: text.len(), sha256: sha2::Sha256::digest(text.as_bytes()).into() }
    }
}

impl Artifact {
    /// A file read and classified, before any check.
    pub fn new(file: String, parsed: ParsedFile, docs: Vec<ArtifactDoc>) -> Artifact {
        Artifact { file, parsed, docs, values: Vec::new(), facts: None, released: None, judged: Vec::new(), reported: false, links: None }
    }

    /// Whether this artifact's documents are still to be loaded for the repository rules: it
    /// was not read (its facts came from the cache, see [`cache::Cache::unread`]), or it was
    /// read with the cache on, whose entries hold its documents.
    pub fn awaits_documents(&self) -> bool {
        self.facts.is_some() && self.values.is_empty()
    }

    /// The length and SHA-256 of the file's text, held or released (none for a file that was
    /// not read).
    pub fn stamp(&self) -> Option<Released> {
        match &self.released {
            Some(r) => Some(r.clone()),
            // An artifact's text is never empty: one that is was not read.
            None if self.parsed.source.text.is_empty() => None,
            None => Some(Released::of(&self.parsed.source.text)),
        }
    }

    /// The text of the file: the one held, or a released one read again if the file still
    /// holds it (otherwise the empty text: findings are then placed at the start of the file).
    pub fn text(&self) -> Arc<SourceFile> {
        let Some(released) = &self.released else { return Arc::clone(&self.parsed.source) };
        match std::fs::read_to_string(&self.file) {
            Ok(text) if Released::of(&text) == *released => SourceFile::new(self.parsed.source.name.clone(), text),
            _ => Arc::clone(&self.parsed.source),
        }
    }
}

/// The summaries of an artifact's documents that the bundled repository rules read (see
/// [`policy::PolicySet::summary`]; `documents` holds one value, the file's list of them), and
/// their digest: the repository rules' findings depend on the artifacts only through these.
/// The summaries are dropped once the cache has stored them; the digest stays.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub digest: String,
    pub documents: Vec<serde_json::Value>,
}
