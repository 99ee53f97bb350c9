//! The language of the text for people (English or Simplified Chinese), and the localized text a
//! diagnostic carries beside its English fields. How a run chooses its language, and the
//! translations themselves, are the checks layer's (`i18n`).

use serde::Serialize;

/// The language of human-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// The environment variable that chooses the language (below `--lang`, above `lang:`).
pub const ENV_VAR: &str = "GOVLINT_LANG";

impl Lang {
    /// Every language, in the order `--help` lists them.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// Reads a language tag: `en`, `zh-CN`, `zh_CN`, `zh` (case-insensitive; an encoding or
    /// region suffix of an English tag, as in `en_US.UTF-8`, is accepted too).
    pub fn parse(s: &str) -> Option<Lang> {
        let base = s.split('.').next().unwrap_or("").trim().to_ascii_lowercase().replace('_', "-");
        match base.as_str() {
            "zh" | "zh-cn" | "zh-hans" | "zh-hans-cn" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            b if b.starts_with("en-") => Some(Lang::En),
            _ => None,
        }
    }

    /// The tag written in output (`lang` of JSON `localized`, HTML `lang=`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The key of this language under `custom.i18n` in rule metadata.
    pub fn metadata_key(self) -> &'static str {
        self.tag()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Lang, String> {
        Lang::parse(s).ok_or_else(|| format!("unknown language `{s}` (expected en or zh-CN)"))
    }
}

/// A diagnostic's text in another language than English, beside the English fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Localized {
    pub lang: Lang,
    /// The rule's title, when it has one in this language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The message; the English one when no template of the rule matched it.
    pub message: String,
    /// Whether `message` is a translation (false: the English message, kept as is).
    pub translated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}
