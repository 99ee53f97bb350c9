//! The audit report as data: what the renderers (HTML, Markdown, JSON) read, and what a merge reads back.

use super::*;

/// The whole report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AuditReport {
    pub version: u32,
    pub header: Header,
    pub summary: Summary,
    pub frameworks: Vec<FrameworkSection>,
    pub artifacts: Vec<ArtifactSection>,
    /// Findings on files that are not artifacts: the config, files that could not be read.
    pub other_findings: Vec<Finding>,
    pub waivers: Vec<WaiverEntry>,
    /// Every rule that ran, with its metadata.
    pub rules: Vec<RuleDoc>,
}

/// What was checked, when, and with what.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Header {
    pub repository: Option<String>,
    pub branch: Option<String>,
    pub commit: Option<String>,
    /// Whether the working tree differed from the commit; `None` outside git.
    pub dirty: Option<bool>,
    /// RFC 3339, UTC.
    pub date: String,
    /// `SOURCE_DATE_EPOCH` or `clock`.
    pub date_source: String,
    /// The day waiver expiry is judged against (`GOVLINT_TODAY`, else today in UTC).
    pub waivers_as_of: String,
    pub tool: Tool,
    /// The frameworks whose rules ran (all of them when none was chosen).
    pub frameworks: Vec<String>,
    /// Whether frameworks were chosen (`--framework` or `frameworks:` in the config).
    pub frameworks_selected: bool,
    /// Whether the bundled rules ran (`--no-builtin` turns them off).
    pub builtin_rules: bool,
    pub policy_bundle: Digest256,
    pub schemas: Vec<NamedDigest>,
    pub config: Option<NamedDigest>,
    /// User policy files, with the digest of each.
    pub user_policies: Vec<NamedDigest>,
    /// The repository profile declared in the config (`profile:`), when there is one.
    pub profile: Option<serde_json::Value>,
    /// Its line in the config.
    pub profile_line: Option<usize>,
    /// Rules the config turns off (`rules: {ID: off}`): they are not reported on.
    pub rules_off: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

/// A SHA-256 digest over several files; see docs/audit-report.md for how it is computed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Digest256 {
    pub sha256: String,
    pub files: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NamedDigest {
    pub name: String,
    pub sha256: String,
}

/// Requirements by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub met: usize,
    pub failed: usize,
    pub waived: usize,
    pub no_evidence: usize,
    pub not_applicable: usize,
}

impl Counts {
    pub fn add(&mut self, s: Status) {
        *self.slot(s) += 1;
    }

    pub(super) fn slot(&mut self, s: Status) -> &mut usize {
        match s {
            Status::Met => &mut self.met,
            Status::Failed => &mut self.failed,
            Status::Waived => &mut self.waived,
            Status::NoEvidence => &mut self.no_evidence,
            Status::NotApplicable => &mut self.not_applicable,
        }
    }

    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Met => self.met,
            Status::Failed => self.failed,
            Status::Waived => self.waived,
            Status::NoEvidence => self.no_evidence,
            Status::NotApplicable => self.not_applicable,
        }
    }

    pub fn plus(&mut self, other: &Counts) {
        for s in Status::ALL {
            *self.slot(s) += other.get(s);
        }
    }

    pub fn total(&self) -> usize {
        self.met + self.failed + self.waived + self.no_evidence + self.not_applicable
    }

    /// The counts as one sentence in `lang`, as a framework's section opens in every format.
    pub fn sentence(&self, lang: crate::lang::Lang) -> String {
        Text::Sentence {
            total: &self.total(),
            met: &self.met,
            failed: &self.failed,
            waived: &self.waived,
            no_evidence: &self.no_evidence,
            not_applicable: &self.not_applicable,
        }
        .render(lang)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    /// Files read, artifacts or not.
    pub files: usize,
    pub artifacts: usize,
    /// Artifact files by kind (a file holding several kinds counts under each).
    pub artifacts_by_kind: BTreeMap<String, usize>,
    pub findings: FindingCounts,
    /// Requirements by status, per framework with a section.
    pub frameworks: Vec<FrameworkCounts>,
    /// CAICT layers × stages: the rules that ran, by status.
    pub matrix: Vec<MatrixRow>,
    /// A level per CAICT layer (docs/audit-report.md, "Maturity").
    pub maturity: Vec<maturity::LayerMaturity>,
    /// Every rule's status over the run, by id.
    pub statuses: BTreeMap<String, Status>,
}

#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct FindingCounts {
    pub error: usize,
    pub warning: usize,
    pub note: usize,
    /// Reported but not counted (waiver, inline ignore, baseline, policy exception).
    pub suppressed: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FrameworkCounts {
    pub framework: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MatrixRow {
    pub layer: String,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MatrixCell {
    pub stage: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FrameworkSection {
    pub id: String,
    pub title: String,
    pub counts: Counts,
    pub requirements: Vec<Requirement>,
}

/// One rule as a requirement of one framework.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Requirement {
    pub rule: String,
    pub title: String,
    pub clause: String,
    pub severity: String,
    pub layer: Option<String>,
    pub stage: Option<String>,
    pub status: Status,
    /// The facts the rule needs, from its metadata (`custom.evidence.needs`): what to add where
    /// it found none.
    pub needs: Option<String>,
    /// The artifacts by status.
    pub counts: Counts,
    /// The artifacts the rule concerns, with the result on each, by path.
    pub artifacts: Vec<ArtifactStatus>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArtifactStatus {
    pub file: String,
    pub status: Status,
    /// Why the rule does not apply, as the rule or the declared facts say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ArtifactSection {
    pub file: String,
    pub documents: Vec<Document>,
    /// The last commit that changed the file; `None` outside git or when it is not committed.
    pub last_change: Option<LastChange>,
    /// Whether the file differs from HEAD (or is not tracked); `None` outside git.
    pub uncommitted: Option<bool>,
    pub findings: Vec<Finding>,
}

impl ArtifactSection {
    /// What to say of an artifact none of whose documents was classified (the file was named as
    /// an artifact but could not be read as one), from the finding that stopped it.
    pub fn not_classified(&self) -> Text<'static> {
        let has = |rule: &str| self.findings.iter().any(|f| f.rule == rule);
        if has(crate::diagnostic::codes::READ_ERROR) {
            Text::NotClassifiedUnreadable
        } else if has(crate::diagnostic::codes::PARSE_ERROR) {
            Text::NotClassifiedParseError
        } else if has(crate::diagnostic::codes::LIMIT_EXCEEDED) {
            Text::NotClassifiedLimit
        } else {
            Text::NotClassifiedNoDocument
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    pub index: usize,
    pub kind: String,
    pub format: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LastChange {
    pub commit: String,
    pub author: String,
    pub date: String,
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    pub rule: String,
    pub severity: String,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    /// Framework → clause.
    pub clauses: BTreeMap<String, String>,
    /// `None` when the finding counts.
    pub suppression: Option<crate::diagnostic::Suppression>,
    pub excerpt: Vec<ExcerptLine>,
    /// The finding's text in the report's language, when it is not English (`--lang`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub localized: Option<crate::lang::Localized>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ExcerptLine {
    pub line: usize,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaiverStatus {
    Active,
    Expiring,
    Expired,
    Unused,
}

impl WaiverStatus {
    /// The name the JSON report gives it (and the HTML page's style class).
    pub fn as_str(self) -> &'static str {
        match self {
            WaiverStatus::Active => "active",
            WaiverStatus::Expiring => "expiring",
            WaiverStatus::Expired => "expired",
            WaiverStatus::Unused => "unused",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WaiverEntry {
    pub rule: String,
    pub paths: Vec<String>,
    pub pointer: Option<String>,
    pub reason: String,
    pub approved_by: String,
    pub expires: Option<String>,
    pub status: WaiverStatus,
    /// Findings the waiver suppressed in this run.
    pub findings: usize,
    /// Line of the waiver in the config.
    pub line: Option<usize>,
}

/// What `build` needs beyond the outcome.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The first path checked: where the git repository is looked for.
    pub root: std::path::PathBuf,
    /// Frameworks chosen (command line, else config); empty for all.
    pub frameworks: Vec<String>,
    pub builtin_rules: bool,
    /// The report date, RFC 3339 (see [`report_date`]).
    pub date: String,
    pub date_source: String,
    /// `YYYY-MM-DD`: the day waivers are judged against.
    pub today: String,
}
