//! The fixed texts the pipeline writes into diagnostics (labels, messages, help) and the reasons
//! the bundled helpers give, each under an id. A stage writes a text by its id ([`Msg::text`]);
//! the translations (`i18n`) are keyed by the same ids, so a text and its translations are kept
//! together, and a test fails on an id with no translation. Texts from outside govlint (a
//! parser's or jsonschema's error) have no id and stay in English.

use std::fmt::Display;

/// One fixed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Msg {
    Here,
    MissingNamed,
    MissingHere,
    ThroughAlias,
    InThisDocument,
    InThisFile,
    ParserStopped,
    GivenAgain,
    SecondNamed,
    ExpiredWaiver,
    UnusedWaiver,
    StaleEntry,
    FormatOne,
    WhileChecking,
    NotAllowedHere,
    InvalidValue,
    DefinedHere,
    DuplicateKey,
    MissingProperty,
    UnknownProperty,
    WaiverExpired,
    WaiverUnused,
    BaselineEntryUnused,
    BaselineOldFormat,
    FileUnreadable,
    FileBinary,
    FileNotUtf8,
    FileTooLarge,
    PolicyFailed,
    FixYaml,
    FixJson,
    YamlKeyFirstGiven,
    JsonKeyFirstGiven,
    RaiseDepth,
    RaiseDocuments,
    AliasBomb,
    RenewWaiver,
    RemoveWaiver,
    RemoveEntry,
    WriteBaselineAgain,
    PolicyIsIn,
    PolicyIsInTimeout,
    RepositoryRulesWithout,
    SchemaPrinted,
    SeeConfiguration,
    ServiceNotPublic,
    ServiceNotChina,
    ServiceNotEu,
    ServiceNoMarket,
    ModelNotPublic,
    ModelNotChina,
    ModelNotEu,
    ModelNoMarket,
    DatasetNotPublic,
    DatasetNotChina,
    DatasetNotEu,
    DatasetNoMarket,
    ProfileIn,
    KindRunsNoService,
    OpenReleaseDeclared,
    OpenReleaseCompute,
    NoContainerInKind,
    ManifestNoContainer,
    DeclaredIn,
    WithDeclaredIn,
}

impl Msg {
    /// Every text, in the order of the tables.
    pub const ALL: &'static [Msg] = &[Msg::Here, Msg::MissingNamed, Msg::MissingHere, Msg::ThroughAlias, Msg::InThisDocument, Msg::InThisFile, Msg::ParserStopped, Msg::GivenAgain, Msg::SecondNamed, Msg::ExpiredWaiver, Msg::UnusedWaiver, Msg::StaleEntry, Msg::FormatOne, Msg::WhileChecking, Msg::NotAllowedHere, Msg::InvalidValue, Msg::DefinedHere, Msg::DuplicateKey, Msg::MissingProperty, Msg::UnknownProperty, Msg::WaiverExpired, Msg::WaiverUnused, Msg::BaselineEntryUnused, Msg::BaselineOldFormat, Msg::FileUnreadable, Msg::FileBinary, Msg::FileNotUtf8, Msg::FileTooLarge, Msg::PolicyFailed, Msg::FixYaml, Msg::FixJson, Msg::YamlKeyFirstGiven, Msg::JsonKeyFirstGiven, Msg::RaiseDepth, Msg::RaiseDocuments, Msg::AliasBomb, Msg::RenewWaiver, Msg::RemoveWaiver, Msg::RemoveEntry, Msg::WriteBaselineAgain, Msg::PolicyIsIn, Msg::PolicyIsInTimeout, Msg::RepositoryRulesWithout, Msg::SchemaPrinted, Msg::SeeConfiguration, Msg::ServiceNotPublic, Msg::ServiceNotChina, Msg::ServiceNotEu, Msg::ServiceNoMarket, Msg::ModelNotPublic, Msg::ModelNotChina, Msg::ModelNotEu, Msg::ModelNoMarket, Msg::DatasetNotPublic, Msg::DatasetNotChina, Msg::DatasetNotEu, Msg::DatasetNoMarket, Msg::ProfileIn, Msg::KindRunsNoService, Msg::OpenReleaseDeclared, Msg::OpenReleaseCompute, Msg::NoContainerInKind, Msg::ManifestNoContainer, Msg::DeclaredIn, Msg::WithDeclaredIn];

    /// The texts the bundled helpers write (`policies/lib`): their English is written there, in
    /// Rego, and a test holds it to the template here.
    pub const FROM_POLICIES: &'static [Msg] = &[Msg::ServiceNotPublic, Msg::ServiceNotChina, Msg::ServiceNotEu, Msg::ServiceNoMarket, Msg::ModelNotPublic, Msg::ModelNotChina, Msg::ModelNotEu, Msg::ModelNoMarket, Msg::DatasetNotPublic, Msg::DatasetNotChina, Msg::DatasetNotEu, Msg::DatasetNoMarket, Msg::ProfileIn, Msg::KindRunsNoService, Msg::OpenReleaseDeclared, Msg::OpenReleaseCompute, Msg::NoContainerInKind, Msg::ManifestNoContainer];

    /// The stable id of the text.
    pub fn id(self) -> &'static str {
        match self {
            Msg::Here => "label.here",
            Msg::MissingNamed => "label.missing-named",
            Msg::MissingHere => "label.missing",
            Msg::ThroughAlias => "label.through-alias",
            Msg::InThisDocument => "label.in-document",
            Msg::InThisFile => "label.in-file",
            Msg::ParserStopped => "label.parser-stopped",
            Msg::GivenAgain => "label.given-again",
            Msg::SecondNamed => "label.second-named",
            Msg::ExpiredWaiver => "label.expired-waiver",
            Msg::UnusedWaiver => "label.unused-waiver",
            Msg::StaleEntry => "label.stale-entry",
            Msg::FormatOne => "label.format-1",
            Msg::WhileChecking => "label.while-checking",
            Msg::NotAllowedHere => "label.not-allowed",
            Msg::InvalidValue => "label.invalid-value",
            Msg::DefinedHere => "label.defined-here",
            Msg::DuplicateKey => "message.duplicate-key",
            Msg::MissingProperty => "message.missing-property",
            Msg::UnknownProperty => "message.unknown-property",
            Msg::WaiverExpired => "message.waiver-expired",
            Msg::WaiverUnused => "message.waiver-unused",
            Msg::BaselineEntryUnused => "message.baseline-entry-unused",
            Msg::BaselineOldFormat => "message.baseline-old-format",
            Msg::FileUnreadable => "message.file-unreadable",
            Msg::FileBinary => "message.file-binary",
            Msg::FileNotUtf8 => "message.file-not-utf8",
            Msg::FileTooLarge => "message.file-too-large",
            Msg::PolicyFailed => "message.policy-failed",
            Msg::FixYaml => "help.fix-yaml",
            Msg::FixJson => "help.fix-json",
            Msg::YamlKeyFirstGiven => "help.yaml-key-first-given",
            Msg::JsonKeyFirstGiven => "help.json-key-first-given",
            Msg::RaiseDepth => "help.raise-depth",
            Msg::RaiseDocuments => "help.raise-documents",
            Msg::AliasBomb => "help.alias-bomb",
            Msg::RenewWaiver => "help.renew-waiver",
            Msg::RemoveWaiver => "help.remove-waiver",
            Msg::RemoveEntry => "help.remove-entry",
            Msg::WriteBaselineAgain => "help.write-baseline-again",
            Msg::PolicyIsIn => "help.policy-is-in",
            Msg::RepositoryRulesWithout => "help.repository-rules-without",
            Msg::PolicyIsInTimeout => "help.policy-is-in-timeout",
            Msg::SchemaPrinted => "help.schema-printed",
            Msg::SeeConfiguration => "help.see-configuration",
            Msg::ServiceNotPublic => "reason.service-not-public",
            Msg::ServiceNotChina => "reason.service-not-china",
            Msg::ServiceNotEu => "reason.service-not-eu",
            Msg::ServiceNoMarket => "reason.service-no-market",
            Msg::ModelNotPublic => "reason.model-not-public",
            Msg::ModelNotChina => "reason.model-not-china",
            Msg::ModelNotEu => "reason.model-not-eu",
            Msg::ModelNoMarket => "reason.model-no-market",
            Msg::DatasetNotPublic => "reason.dataset-not-public",
            Msg::DatasetNotChina => "reason.dataset-not-china",
            Msg::DatasetNotEu => "reason.dataset-not-eu",
            Msg::DatasetNoMarket => "reason.dataset-no-market",
            Msg::ProfileIn => "reason.profile-in",
            Msg::KindRunsNoService => "reason.kind-runs-no-service",
            Msg::OpenReleaseDeclared => "reason.open-release-declared",
            Msg::OpenReleaseCompute => "reason.open-release-compute",
            Msg::NoContainerInKind => "reason.no-container-in-kind",
            Msg::ManifestNoContainer => "reason.manifest-no-container",
            Msg::DeclaredIn => "reason.declared-in",
            Msg::WithDeclaredIn => "reason.with-declared-in",
        }
    }

    /// The English template: each `%s` takes the next argument.
    pub fn english(self) -> &'static str {
        match self {
            Msg::Here => "here",
            Msg::MissingNamed => "`%s` is missing here",
            Msg::MissingHere => "missing here",
            Msg::ThroughAlias => "`%s` comes in through this alias or merge key",
            Msg::InThisDocument => "in this document",
            Msg::InThisFile => "in this file",
            Msg::ParserStopped => "the parser stopped here",
            Msg::GivenAgain => "given again here",
            Msg::SecondNamed => "second `%s` here",
            Msg::ExpiredWaiver => "expired waiver",
            Msg::UnusedWaiver => "unused waiver",
            Msg::StaleEntry => "stale entry",
            Msg::FormatOne => "format 1",
            Msg::WhileChecking => "while checking this document",
            Msg::NotAllowedHere => "not allowed here",
            Msg::InvalidValue => "invalid value",
            Msg::DefinedHere => "defined here",
            Msg::DuplicateKey => "duplicate key `%s`",
            Msg::MissingProperty => "missing required property `%s`",
            Msg::UnknownProperty => "unknown property `%s`",
            Msg::WaiverExpired => "the waiver of %s for %s expired on %s",
            Msg::WaiverUnused => "the waiver of %s for %s matches no finding",
            Msg::BaselineEntryUnused => "the baseline entry of %s in %s matches no finding",
            Msg::BaselineOldFormat => "the baseline is of format %s, whose fingerprints do not tell a replaced object from the one recorded: none of its %s entries is applied",
            Msg::FileUnreadable => "the file cannot be read: %s",
            Msg::FileBinary => "the file has binary content (a NUL byte at offset %s)",
            Msg::FileNotUtf8 => "the file is not UTF-8 text (invalid byte at offset %s)",
            Msg::FileTooLarge => "the file is larger than the %s byte limit (`limits.max_file_size` in govlint.yaml)",
            Msg::PolicyFailed => "policy %s failed: %s",
            Msg::FixYaml => "fix the YAML syntax; every later check needs a file that parses",
            Msg::FixJson => "fix the JSON syntax; every later check needs a file that parses",
            Msg::YamlKeyFirstGiven => "the key was first given at line %s, column %s; YAML parsers disagree on which value wins, so keep one",
            Msg::JsonKeyFirstGiven => "the key was first given at line %s, column %s; JSON parsers disagree on which value wins, so keep one",
            Msg::RaiseDepth => "raise `limits.max_depth` in govlint.yaml if this file is legitimate",
            Msg::RaiseDocuments => "raise `limits.max_documents` in govlint.yaml if this file is legitimate",
            Msg::AliasBomb => "an alias bomb looks like this; if the file is legitimate, raise `limits.max_nodes` in govlint.yaml",
            Msg::RenewWaiver => "fix the findings it covered, or renew the waiver with a new `expires` date and approval",
            Msg::RemoveWaiver => "remove the waiver, or correct its rule, paths or path",
            Msg::RemoveEntry => "remove the entry (write the baseline again): the finding was fixed, or it is about another object now",
            Msg::WriteBaselineAgain => "write the baseline again with `govlint check --write-baseline FILE` once the findings reported are known",
            Msg::PolicyIsIn => "the policy is in %s",
            Msg::RepositoryRulesWithout => "the repository rules were checked without this file's documents; the helpers that read them are in %s",
            Msg::PolicyIsInTimeout => "the policy is in %s; a policy that needs longer can be given it with `limits.policy_timeout_ms` in govlint.yaml",
            Msg::SchemaPrinted => "the %s schema is printed by `govlint schema`; see docs/governance.md for the govlint fields",
            Msg::SeeConfiguration => "see the Configuration section of README.md",
            Msg::ServiceNotPublic => "the service is declared not offered to the public (%s: false)",
            Msg::ServiceNotChina => "the service is declared offered in %s, not in China (%s)",
            Msg::ServiceNotEu => "the service is declared offered in %s, not in the EU (%s)",
            Msg::ServiceNoMarket => "no market is declared for the service (`governance.service.regions` of its DeploymentManifest, or `profile.regions` in govlint.yaml)",
            Msg::ModelNotPublic => "the model is declared not offered to the public (profile.public in govlint.yaml: false)",
            Msg::ModelNotChina => "the model is declared offered in %s, not in China (%s)",
            Msg::ModelNotEu => "the model is declared offered in %s, not in the EU (%s)",
            Msg::ModelNoMarket => "no market is declared for the model (`%s`, or `profile.regions` in govlint.yaml)",
            Msg::DatasetNotPublic => "the dataset is declared not offered to the public (profile.public in govlint.yaml: false)",
            Msg::DatasetNotChina => "the dataset is declared offered in %s, not in China (%s)",
            Msg::DatasetNotEu => "the dataset is declared offered in %s, not in the EU (%s)",
            Msg::DatasetNoMarket => "no market is declared for the dataset (`%s`, or `profile.regions` in govlint.yaml)",
            Msg::ProfileIn => "profile.%s in govlint.yaml",
            Msg::KindRunsNoService => "a document of kind `%s` runs no service",
            Msg::OpenReleaseDeclared => "EU AI Act Art. 53(2): released under %s with public weights (`governance.weights_public: true`) and declared without systemic risk (`systemic_risk: false`)",
            Msg::OpenReleaseCompute => "EU AI Act Art. 53(2): released under %s with public weights (`governance.weights_public: true`), its training compute (%s FLOP) at most %s FLOP",
            Msg::NoContainerInKind => "no container is defined in this document of kind `%s`",
            Msg::ManifestNoContainer => "a DeploymentManifest defines no container: the workloads it targets do",
            Msg::DeclaredIn => "declared in `%s`",
            Msg::WithDeclaredIn => "%s (declared in `%s`)",
        }
    }

    /// The English text, each `%s` of the template filled with the next of `args`.
    pub fn text(self, args: &[&dyn Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.english().split("%s");
        out.push_str(parts.next().unwrap_or_default());
        for part in parts {
            if let Some(a) = args.next() {
                out.push_str(&a.to_string());
            }
            out.push_str(part);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_every_text_is_listed() {
        let ids: std::collections::BTreeSet<&str> = Msg::ALL.iter().map(|m| m.id()).collect();
        assert_eq!(ids.len(), Msg::ALL.len(), "two texts share an id");
        assert!(Msg::FROM_POLICIES.iter().all(|m| Msg::ALL.contains(m)));
    }

    #[test]
    fn a_text_fills_its_template_in_order() {
        assert_eq!(Msg::WaiverExpired.text(&[&"MC001", &"a.yaml", &"2025-01-01"]), "the waiver of MC001 for a.yaml expired on 2025-01-01");
        assert_eq!(Msg::GivenAgain.text(&[]), "given again here");
    }
}
