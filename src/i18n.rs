//! Localized output (English and Simplified Chinese).
//!
//! Rule ids, JSON keys and the English messages stay the stable interface; this module only
//! adds text beside them. A bundled rule carries its Chinese title, description, remediation and
//! message templates in its `# METADATA` (`custom.i18n.zh-CN`). A finding's English message is
//! matched against the rule's English templates (the `sprintf` format strings of its Rego
//! source), and the captured arguments are put into the Chinese template, so a policy author
//! never writes the translation logic. The pipeline's own texts (labels, messages, help, and the
//! reasons the bundled helpers give) are written by id (`messages::Msg`), and their Chinese is
//! kept by the same id in the table below, so an English text cannot lose its translation by
//! being edited; a test fails on an id without one. The fixed words of the human output have
//! their translations beside them; the audit report's texts are the report's own, each by id
//! with its English and Chinese (src/audit/text.rs). Messages that come from outside govlint (a
//! parser's or jsonschema's error text) have no template and stay in English.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::diagnostic::{codes, Diagnostic};
use crate::error::ToolError;
use crate::messages::Msg;
use crate::policy::metadata::Metadata;

pub use crate::lang::{Lang, Localized, ENV_VAR};

/// The language of a run: `--lang`, else `GOVLINT_LANG`, else the config's `lang:`, else the
/// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: Chinese when it starts with `zh`), else English.
/// A `GOVLINT_LANG` that names no known language is an error, as a bad flag would be.
pub fn resolve(flag: Option<Lang>, config: Option<Lang>) -> Result<Lang, ToolError> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(var);
    resolve_with(flag, var(ENV_VAR).as_deref(), config, locale.as_deref())
}

/// [`resolve`] with the environment given: `env` is `GOVLINT_LANG`, `locale` the first set of
/// `LC_ALL`, `LC_MESSAGES`, `LANG`.
pub fn resolve_with(flag: Option<Lang>, env: Option<&str>, config: Option<Lang>, locale: Option<&str>) -> Result<Lang, ToolError> {
    if let Some(l) = flag {
        return Ok(l);
    }
    if let Some(v) = env {
        return Lang::parse(v).ok_or_else(|| ToolError::msg(format!("{ENV_VAR}=`{v}` names no known language (expected en or zh-CN)")));
    }
    if let Some(l) = config {
        return Ok(l);
    }
    Ok(match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::ZhCn,
        _ => Lang::En,
    })
}

/// A rule's documentation in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleText {
    pub title: Option<String>,
    pub description: Option<String>,
    pub remediation: Option<String>,
    /// The facts the rule needs (`evidence`).
    pub evidence: Option<String>,
    /// Framework → clause in this language (`clauses`), where the framework's source names its
    /// clauses in it (the CAICT roadmap).
    pub clauses: BTreeMap<String, String>,
    /// English message template → template in this language.
    pub messages: Vec<(String, String)>,
}

/// The `custom.i18n.<lang>` texts of a rule's metadata.
pub fn rule_text(meta: &Metadata, lang: Lang) -> Option<RuleText> {
    if lang == Lang::En {
        return None;
    }
    let t = meta.custom.i18n.get(lang.metadata_key())?;
    let s = |k: &str| t.get(k).and_then(serde_json::Value::as_str).map(|s| unfold(s.trim())).filter(|s| !s.is_empty());
    let messages = t
        .get("messages")
        .and_then(serde_json::Value::as_object)
        .map(|m| m.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect())
        .unwrap_or_default();
    let clauses = t
        .get("clauses")
        .and_then(serde_json::Value::as_object)
        .map(|m| m.iter().filter_map(|(k, v)| Some((k.clone(), unfold(v.as_str()?.trim())))).collect())
        .unwrap_or_default();
    Some(RuleText { title: s("title"), description: s("description"), remediation: s("remediation"), evidence: s("evidence"), clauses, messages })
}

/// Whether `c` is written without spaces around it in Chinese text: a Han character or
/// full-width punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}')
}

/// Undoes YAML folding in Chinese text: a folded block (`>-`) turns each line break into a
/// space, which Chinese does not put between two characters. Spaces next to Latin text stay.
fn unfold(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        // Full-width punctuation carries its own spacing, whatever follows it.
        let after_punct = prev.is_some_and(|p| matches!(p, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}'));
        let between_cjk = prev.is_some_and(is_cjk) && chars.get(i + 1).is_some_and(|n| is_cjk(*n));
        if !(c == ' ' && (after_punct || between_cjk)) {
            out.push(c);
        }
    }
    out
}

/// The message of a finding of the rule described by `meta`, in `lang`: the rule's template
/// that matches `english` filled with what it captured; `None` when no template matches.
pub fn localize(meta: &Metadata, lang: Lang, english: &str) -> Option<String> {
    let text = rule_text(meta, lang)?;
    Templates::compile(&text.messages).translate(english)
}

// ---------------------------------------------------------------------------------------------
// Templates

/// One piece of a printf-style format string.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    /// A verb; `Some(n)` is an explicit 1-based argument index (`%[n]s`).
    Verb(Option<usize>),
}

/// Splits a Go/Rego `sprintf` format into text and verbs. `%%` is a literal percent sign; a
/// `%` that starts no verb is kept as text.
fn pieces(format: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut text = String::new();
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            text.push(chars[i]);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'%') {
            text.push('%');
            i += 2;
            continue;
        }
        // %[flags][width][.precision][[n]]verb, or %[n][flags]…verb.
        let mut j = i + 1;
        let mut index = None;
        let read_index = |j: &mut usize| {
            if chars.get(*j) == Some(&'[') {
                let close = chars[*j..].iter().position(|c| *c == ']').map(|p| *j + p)?;
                let n: usize = chars[*j + 1..close].iter().collect::<String>().parse().ok()?;
                *j = close + 1;
                return Some(n);
            }
            None
        };
        if let Some(n) = read_index(&mut j) {
            index = Some(n);
        }
        while j < chars.len() && "+-# 0".contains(chars[j]) {
            j += 1;
        }
        while j < chars.len() && chars[j].is_ascii_digit() {
            j += 1;
        }
        if chars.get(j) == Some(&'.') {
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
        }
        if let Some(n) = read_index(&mut j) {
            index = Some(n);
        }
        match chars.get(j) {
            Some(c) if c.is_ascii_alphabetic() => {
                if !text.is_empty() {
                    out.push(Piece::Text(std::mem::take(&mut text)));
                }
                out.push(Piece::Verb(index));
                i = j + 1;
            }
            _ => {
                text.push('%');
                i += 1;
            }
        }
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    out
}

/// An English template compiled to an anchored regex, each verb a lazy capture.
#[derive(Debug)]
struct Compiled {
    regex: Regex,
    /// Length of the literal text: among templates that match, the most specific wins.
    literal: usize,
    target: String,
}

/// The compiled message templates of one rule (or of the built-in texts).
#[derive(Debug, Default)]
pub struct Templates {
    list: Vec<Compiled>,
    /// Whether an argument may itself be translated (a rule's own fragments); off for the
    /// fixed texts, whose arguments are data (a commit summary, a file name).
    nested: bool,
}

impl Templates {
    /// Compiles `english → translated` pairs. A template that does not compile is left out.
    pub fn compile(pairs: &[(String, String)]) -> Templates {
        let list = pairs
            .iter()
            .filter_map(|(en, target)| {
                let mut pattern = String::from("(?s)^");
                let mut literal = 0;
                for p in pieces(en) {
                    match p {
                        Piece::Text(t) => {
                            literal += t.len();
                            pattern.push_str(&regex::escape(&t));
                        }
                        Piece::Verb(_) => pattern.push_str("(.*?)"),
                    }
                }
                pattern.push('$');
                Some(Compiled { regex: Regex::new(&pattern).ok()?, literal, target: target.clone() })
            })
            .collect();
        Templates { list, nested: true }
    }

    /// Templates whose arguments are never translated.
    fn flat(pairs: &[(String, String)]) -> Templates {
        Templates { nested: false, ..Templates::compile(pairs) }
    }

    /// `english` in the target language, when a template matches it.
    pub fn translate(&self, english: &str) -> Option<String> {
        self.translate_at(english, 0)
    }

    /// A rule often builds part of a message with one `sprintf` and puts it into another
    /// (`the model %s, but …` with `is served by %s`): an argument that is itself the whole of
    /// another of the rule's templates is translated too, two levels deep at most, and so is
    /// each item of an argument that lists them (`a, b`) where some item is one. Data (a name,
    /// a number) matches no template with literal text and stays as it is.
    fn translate_at(&self, english: &str, depth: usize) -> Option<String> {
        let mut best: Option<(&Compiled, regex::Captures)> = None;
        for c in self.list.iter().filter(|c| depth == 0 || c.literal > 0) {
            if let Some(caps) = c.regex.captures(english) {
                if best.as_ref().is_none_or(|(b, _)| c.literal > b.literal) {
                    best = Some((c, caps));
                }
            }
        }
        let (c, caps) = best?;
        let args: Vec<String> = caps
            .iter()
            .skip(1)
            .map(|m| m.map_or("", |m| m.as_str()))
            .map(|a| if self.nested && depth < 2 && !a.is_empty() { self.translate_nested(a, depth + 1) } else { a.to_string() })
            .collect();
        fill(&c.target, &args.iter().map(String::as_str).collect::<Vec<_>>())
    }

    /// An argument translated whole, else item by item where it is a list with a translatable
    /// item, else as it is.
    fn translate_nested(&self, arg: &str, depth: usize) -> String {
        if let Some(t) = self.translate_at(arg, depth) {
            return t;
        }
        let items: Vec<Option<String>> = arg.split(", ").map(|item| self.translate_at(item, depth)).collect();
        if items.len() < 2 || items.iter().all(Option::is_none) {
            return arg.to_string();
        }
        arg.split(", ").zip(items).map(|(item, t)| t.unwrap_or_else(|| item.to_string())).collect::<Vec<_>>().join(", ")
    }
}

/// Fills a translated template with the arguments captured from the English message. A verb
/// takes the next argument, `%[n]s` the n-th (1-based) and the ones after it, as Go's `fmt`
/// does; the captured text is already formatted, so the verb letter does not matter.
fn fill(template: &str, args: &[&str]) -> Option<String> {
    let mut out = String::new();
    let mut next = 0;
    for p in pieces(template) {
        match p {
            Piece::Text(t) => out.push_str(&t),
            Piece::Verb(index) => {
                let i = index.map_or(next, |n| n.saturating_sub(1));
                out.push_str(args.get(i)?);
                next = i + 1;
            }
        }
    }
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Built-in texts

/// The built-in checks: id, Chinese title, Chinese description.
const BUILTIN_RULES: &[(&str, &str, &str)] = &[
    (codes::PARSE_ERROR, "文件无法解析", "文件不是格式正确的 YAML、JSON 或 Markdown 前置元数据（front matter）。"),
    (codes::DUPLICATE_KEY, "重复的键", "同一映射中重复给出了同一个键；取哪个值将取决于解析器。"),
    (codes::SCHEMA, "不符合 JSON Schema", "某个值不符合其制品格式的 JSON Schema。"),
    (codes::READ_ERROR, "文件无法读取", "文件无法作为 UTF-8 文本读取。"),
    (codes::LIMIT_EXCEEDED, "超出配置的限制", "输入超出了配置的上限（嵌套深度、别名展开、文档数量或文件大小）。"),
    (codes::POLICY_ERROR, "策略执行出错", "某个策略在评估一个文档时失败（运行时错误或超出时间限制）。"),
    (codes::YAML_PORTABILITY, "不可移植的 YAML", "PyYAML（Hugging Face Hub 使用的解析器）接受而 YAML 规范不接受的写法；按 PyYAML 的方式读取。"),
    (codes::WAIVER_EXPIRED, "豁免已过期", "govlint.yaml 中的豁免已超过其 `expires` 日期，它所覆盖的问题重新计入结果。"),
    (codes::WAIVER_UNUSED, "豁免未被使用", "govlint.yaml 中的豁免没有匹配任何问题，应删除或更正。"),
    (codes::BASELINE_STALE, "基线条目已失效", "基线中的条目没有匹配任何问题（问题已修复，或已针对另一对象），或基线格式过旧而未被应用。"),
    ("config", "配置无效", "govlint.yaml 不符合其配置模式（未知的键或无效的值）。"),
];

/// The Chinese of the fixed texts of the pipeline (`messages`), by id.
const BUILTIN_TEXTS: &[(Msg, &str)] = &[
    (Msg::Here, "此处"),
    (Msg::MissingNamed, "此处缺少 `%s`"),
    (Msg::MissingHere, "此处缺失"),
    (Msg::ThroughAlias, "`%s` 经此处的别名或合并键引入"),
    (Msg::InThisDocument, "在此文档中"),
    (Msg::InThisFile, "在此文件中"),
    (Msg::ParserStopped, "解析器在此处停止"),
    (Msg::GivenAgain, "在此处再次给出"),
    (Msg::SecondNamed, "此处是第二个 `%s`"),
    (Msg::ExpiredWaiver, "已过期的豁免"),
    (Msg::UnusedWaiver, "未使用的豁免"),
    (Msg::StaleEntry, "失效的条目"),
    (Msg::FormatOne, "格式 1"),
    (Msg::WhileChecking, "检查此文档时"),
    (Msg::NotAllowedHere, "此处不允许"),
    (Msg::InvalidValue, "无效的值"),
    (Msg::DefinedHere, "在此处定义"),
    (Msg::DuplicateKey, "重复的键 `%s`"),
    (Msg::MissingProperty, "缺少必需的属性 `%s`"),
    (Msg::UnknownProperty, "未知的属性 `%s`"),
    (Msg::WaiverExpired, "对 %[2]s 的 %[1]s 豁免已于 %[3]s 过期"),
    (Msg::WaiverUnused, "对 %[2]s 的 %[1]s 豁免未匹配任何问题"),
    (Msg::BaselineEntryUnused, "基线中 %[2]s 的 %[1]s 条目未匹配任何问题"),
    (Msg::BaselineOldFormat, "该基线为格式 %s，其指纹无法区分被替换的对象与记录的对象：其 %s 个条目均未应用"),
    (Msg::FileUnreadable, "无法读取该文件：%s"),
    (Msg::FileBinary, "该文件是二进制内容（偏移 %s 处有 NUL 字节）"),
    (Msg::FileNotUtf8, "该文件不是 UTF-8 文本（偏移 %s 处为无效字节）"),
    (Msg::FileTooLarge, "该文件超过 %s 字节的大小上限（govlint.yaml 中的 `limits.max_file_size`）"),
    (Msg::PolicyFailed, "策略 %s 执行失败：%s"),
    (Msg::FixYaml, "请修正 YAML 语法；后续所有检查都需要文件能够解析"),
    (Msg::FixJson, "请修正 JSON 语法；后续所有检查都需要文件能够解析"),
    (Msg::YamlKeyFirstGiven, "该键首次出现在第 %s 行第 %s 列；不同的 YAML 解析器对取哪个值看法不一，请只保留一个"),
    (Msg::JsonKeyFirstGiven, "该键首次出现在第 %s 行第 %s 列；不同的 JSON 解析器对取哪个值看法不一，请只保留一个"),
    (Msg::RaiseDepth, "若该文件确属正常，请在 govlint.yaml 中调高 `limits.max_depth`"),
    (Msg::RaiseDocuments, "若该文件确属正常，请在 govlint.yaml 中调高 `limits.max_documents`"),
    (Msg::AliasBomb, "这看起来像别名炸弹；若该文件确属正常，请在 govlint.yaml 中调高 `limits.max_nodes`"),
    (Msg::RenewWaiver, "请修复该豁免覆盖的问题，或以新的 `expires` 日期和审批续期该豁免"),
    (Msg::RemoveWaiver, "请删除该豁免，或更正其 rule、paths 或 path"),
    (Msg::RemoveEntry, "请删除该条目（重新生成基线）：该问题已修复，或现在针对的是另一对象"),
    (Msg::WriteBaselineAgain, "确认所报告的问题后，请用 `govlint check --write-baseline FILE` 重新生成基线"),
    (Msg::PolicyIsIn, "该策略位于 %s"),
    (Msg::RepositoryRulesWithout, "仓库级规则在检查时未纳入此文件的文档；读取这些文档的辅助规则位于 %s"),
    (Msg::PolicyIsInTimeout, "该策略位于 %s；确需更长时间的策略可通过 govlint.yaml 中的 `limits.policy_timeout_ms` 放宽时限"),
    (Msg::SchemaPrinted, "%s 的 JSON Schema 可用 `govlint schema` 打印；govlint 专有字段见 docs/governance.md"),
    (Msg::SeeConfiguration, "参见 README.md 的 Configuration 一节"),
    (Msg::ServiceNotPublic, "服务已声明不面向公众提供（%s: false）"),
    (Msg::ServiceNotChina, "服务已声明在 %s 提供，不在中国境内（%s）"),
    (Msg::ServiceNotEu, "服务已声明在 %s 提供，不在欧盟（%s）"),
    (Msg::ServiceNoMarket, "未声明服务的市场（DeploymentManifest 的 `governance.service.regions`，或 govlint.yaml 中的 `profile.regions`）"),
    (Msg::ModelNotPublic, "模型已声明不面向公众提供（govlint.yaml 中的 profile.public: false）"),
    (Msg::ModelNotChina, "模型已声明在 %s 提供，不在中国境内（%s）"),
    (Msg::ModelNotEu, "模型已声明在 %s 提供，不在欧盟（%s）"),
    (Msg::ModelNoMarket, "未声明模型的市场（`%s`，或 govlint.yaml 中的 `profile.regions`）"),
    (Msg::DatasetNotPublic, "数据集已声明不面向公众提供（govlint.yaml 中的 profile.public: false）"),
    (Msg::DatasetNotChina, "数据集已声明在 %s 提供，不在中国境内（%s）"),
    (Msg::DatasetNotEu, "数据集已声明在 %s 提供，不在欧盟（%s）"),
    (Msg::DatasetNoMarket, "未声明数据集的市场（`%s`，或 govlint.yaml 中的 `profile.regions`）"),
    (Msg::ProfileIn, "govlint.yaml 中的 profile.%s"),
    (Msg::KindRunsNoService, "类型为 `%s` 的文档不运行服务"),
    (Msg::OpenReleaseDeclared, "欧盟《人工智能法》第五十三条第2款：以 %s 发布、权重公开（`governance.weights_public: true`），且声明无系统性风险（`systemic_risk: false`）"),
    (Msg::OpenReleaseCompute, "欧盟《人工智能法》第五十三条第2款：以 %s 发布、权重公开（`governance.weights_public: true`），训练算力（%s FLOP）不超过 %s FLOP"),
    (Msg::NoContainerInKind, "类型为 `%s` 的文档未定义容器"),
    (Msg::ManifestNoContainer, "DeploymentManifest 不定义容器：容器由其指向的工作负载定义"),
    (Msg::DeclaredIn, "已在 `%s` 中声明"),
    (Msg::WithDeclaredIn, "%s（已在 `%s` 中声明）"),
];

fn builtin_templates() -> &'static Templates {
    static T: OnceLock<Templates> = OnceLock::new();
    T.get_or_init(|| {
        let pairs: Vec<(String, String)> = BUILTIN_TEXTS.iter().map(|(m, z)| (m.english().to_string(), z.to_string())).collect();
        Templates::flat(&pairs)
    })
}

/// A fixed English text of the pipeline (a label, a built-in message or help) in `lang`.
pub fn builtin_text(english: &str, lang: Lang) -> Option<String> {
    match lang {
        Lang::En => None,
        Lang::ZhCn => builtin_templates().translate(english),
    }
}

/// Why a rule does not apply to an artifact (or what evidence it lacks), as the rule said it, in
/// `lang`: by the rule's message templates, else those of the bundled helpers; as it is when
/// neither matches. Translations are kept: a run says the same few reasons of many artifacts.
pub fn reason_text(rule: &str, reason: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return reason.to_string();
    }
    type Seen = std::sync::Mutex<std::collections::HashMap<(String, String), String>>;
    static SEEN: OnceLock<Seen> = OnceLock::new();
    let key = (rule.to_string(), reason.to_string());
    if let Some(t) = SEEN.get_or_init(Seen::default).lock().ok().and_then(|m| m.get(&key).cloned()) {
        return t;
    }
    let text = rule_doc(rule, lang)
        .and_then(|t| Templates::compile(&t.messages).translate(reason))
        .or_else(|| builtin_text(reason, lang))
        .unwrap_or_else(|| reason.to_string());
    if let Ok(mut m) = SEEN.get_or_init(Seen::default).lock() {
        m.insert(key, text.clone());
    }
    text
}

/// The documentation of the rule `id` in `lang`: a built-in check's from the table above, a
/// bundled rule's from its metadata.
pub fn rule_doc(id: &str, lang: Lang) -> Option<RuleText> {
    if lang == Lang::En {
        return None;
    }
    if let Some((_, title, description)) = BUILTIN_RULES.iter().find(|(i, _, _)| *i == id) {
        return Some(RuleText { title: Some(title.to_string()), description: Some(description.to_string()), ..Default::default() });
    }
    bundled().get(id).and_then(|m| rule_text(m, lang))
}

/// The metadata of every bundled rule, by id, read once.
fn bundled() -> &'static BTreeMap<String, Metadata> {
    static B: OnceLock<BTreeMap<String, Metadata>> = OnceLock::new();
    B.get_or_init(|| {
        crate::policy::bundled_files()
            .iter()
            .filter(|f| !f.is_test())
            .filter_map(|f| crate::policy::metadata::parse(&f.source).ok().flatten())
            .filter_map(|m| Some((m.custom.id.clone()?, m)))
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Localizing a run

/// Translates the findings of a run: built once from the packages that ran.
pub struct Translator {
    lang: Lang,
    rules: BTreeMap<String, (Option<RuleText>, Templates)>,
}

impl Translator {
    pub fn new(packages: &[crate::policy::Package], lang: Lang) -> Translator {
        let mut rules = BTreeMap::new();
        if lang != Lang::En {
            for p in packages {
                let text = p.meta.as_ref().and_then(|m| rule_text(m, lang));
                let templates = text.as_ref().map(|t| Templates::compile(&t.messages)).unwrap_or_default();
                rules.entry(p.rule_id()).or_insert((text, templates));
            }
        }
        Translator { lang, rules }
    }

    /// Sets `d.localized` (nothing in English).
    pub fn apply(&self, d: &mut Diagnostic) {
        if self.lang == Lang::En {
            return;
        }
        let rule = self.rules.get(&d.rule);
        let text = rule.and_then(|(t, _)| t.as_ref());
        let translated = rule.and_then(|(_, tpl)| tpl.translate(&d.message)).or_else(|| builtin_text(&d.message, self.lang));
        let help = d.help.as_ref().map(|h| {
            // A policy's help is its remediation.
            text.and_then(|t| t.remediation.clone()).or_else(|| builtin_text(h, self.lang)).unwrap_or_else(|| h.to_string())
        });
        let title = text.and_then(|t| t.title.clone()).or_else(|| rule_doc(&d.rule, self.lang).and_then(|t| t.title));
        d.localized = Some(Box::new(Localized {
            lang: self.lang,
            title,
            translated: translated.is_some(),
            message: translated.unwrap_or_else(|| d.message.clone()),
            label: d.label.as_ref().map(|l| builtin_text(l, self.lang).unwrap_or_else(|| l.clone())),
            help,
        }));
    }
}

// ---------------------------------------------------------------------------------------------
// Fixed words of the output

/// A fixed word or phrase of the human output, rules listing and explain page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ui {
    /// `at file:line:col`, for a finding without text to show.
    At,
    HowToFix,
    Frameworks,
    References,
    Parameters,
    Example,
    Source,
    Severity,
    Kinds,
    CaictLayer,
    CaictStage,
    Any,
    Evidence,
}

/// `ui` in `lang`.
pub fn ui(ui: Ui, lang: Lang) -> &'static str {
    let (en, zh) = match ui {
        Ui::At => ("at", "位于"),
        Ui::HowToFix => ("How to fix", "修复方法"),
        Ui::Frameworks => ("Frameworks", "框架条款"),
        Ui::References => ("References", "参考资料"),
        Ui::Parameters => ("Parameters (`params:` in govlint.yaml)", "参数（govlint.yaml 中的 `params:`）"),
        Ui::Example => ("Example", "示例"),
        Ui::Source => ("Source", "来源"),
        Ui::Severity => ("severity", "严重级别"),
        Ui::Kinds => ("kinds", "制品类型"),
        Ui::CaictLayer => ("CAICT layer", "信通院路线图层级"),
        Ui::CaictStage => ("stage", "阶段"),
        Ui::Any => ("any", "全部"),
        Ui::Evidence => ("Evidence it needs", "所需证据"),
    };
    match lang {
        Lang::En => en,
        Lang::ZhCn => zh,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(pairs: &[(&str, &str)]) -> Templates {
        Templates::compile(&pairs.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>())
    }

    #[test]
    fn folded_chinese_lines_join_without_spaces() {
        assert_eq!(unfold("面向中国境内 公众提供的服务。 对应 `CN` 的 service.regions 字段"), "面向中国境内公众提供的服务。对应 `CN` 的 service.regions 字段");
        assert_eq!(unfold("以便阅读）； Helm values 中"), "以便阅读）；Helm values 中");
    }

    #[test]
    fn parses_tags() {
        for t in ["zh-CN", "zh_CN", "zh", "ZH-cn", "zh_CN.UTF-8"] {
            assert_eq!(Lang::parse(t), Some(Lang::ZhCn), "{t}");
        }
        for t in ["en", "en_US.UTF-8", "EN"] {
            assert_eq!(Lang::parse(t), Some(Lang::En), "{t}");
        }
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn precedence() {
        let z = Some(Lang::ZhCn);
        let e = Some(Lang::En);
        assert_eq!(resolve_with(e, Some("zh"), z, Some("zh_CN.UTF-8")).ok(), Some(Lang::En));
        assert_eq!(resolve_with(None, Some("en"), z, Some("zh_CN.UTF-8")).ok(), Some(Lang::En));
        assert_eq!(resolve_with(None, Some("zh-CN"), e, None).ok(), Some(Lang::ZhCn));
        assert_eq!(resolve_with(None, None, z, Some("en_US.UTF-8")).ok(), Some(Lang::ZhCn));
        assert_eq!(resolve_with(None, None, e, Some("zh_CN.UTF-8")).ok(), Some(Lang::En));
        assert_eq!(resolve_with(None, None, None, Some("zh_TW.UTF-8")).ok(), Some(Lang::ZhCn));
        assert_eq!(resolve_with(None, None, None, Some("C.UTF-8")).ok(), Some(Lang::En));
        assert_eq!(resolve_with(None, None, None, None).ok(), Some(Lang::En));
        assert!(resolve_with(None, Some("klingon"), None, None).unwrap_err().message.contains("GOVLINT_LANG"));
    }

    #[test]
    fn every_builtin_text_has_one_chinese_by_id_that_keeps_its_arguments() {
        let mut problems = Vec::new();
        for &m in Msg::ALL {
            let zh: Vec<&str> = BUILTIN_TEXTS.iter().filter(|(id, _)| *id == m).map(|(_, z)| *z).collect();
            let [zh] = zh[..] else {
                problems.push(format!("{}: {} Chinese texts, not one", m.id(), zh.len()));
                continue;
            };
            // The English written with a marker for each argument is translated by this very
            // entry, and the Chinese keeps every marker.
            let markers: Vec<String> = (1..=m.english().matches("%s").count()).map(|i| format!("«{i}»")).collect();
            let args: Vec<&dyn std::fmt::Display> = markers.iter().map(|s| s as &dyn std::fmt::Display).collect();
            let expected = fill(zh, &markers.iter().map(String::as_str).collect::<Vec<_>>());
            match builtin_text(&m.text(&args), Lang::ZhCn) {
                Some(t) if Some(&t) == expected.as_ref() => {
                    for marker in markers.iter().filter(|k| !t.contains(k.as_str())) {
                        problems.push(format!("{}: the Chinese drops argument {marker}: {t}", m.id()));
                    }
                }
                t => problems.push(format!("{}: {:?} translates to {t:?}, not its own Chinese {expected:?}", m.id(), m.english())),
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_bundled_helpers_write_the_texts_their_ids_stand_for() {
        // A helper may word a family of texts with one format (`the %s is declared …` for a
        // model and a dataset): a text is written when some string of the helpers, each `%s`
        // taking any text, gives it.
        let literal = Regex::new(r#""((?:[^"\\]|\\.)*)""#).unwrap();
        let formats: Vec<Regex> = crate::policy::bundled_files()
            .iter()
            .filter(|f| f.path.contains("/lib/") && !f.is_test())
            .flat_map(|f| literal.captures_iter(&f.source.text).map(|c| c[1].to_string()).collect::<Vec<_>>())
            .filter(|l| l.contains(' '))
            .filter_map(|l| Regex::new(&format!("^{}$", regex::escape(&l).replace("%s", ".*"))).ok())
            .collect();
        assert!(formats.len() > 20, "the bundled helpers were not read");
        let missing: Vec<&str> = Msg::FROM_POLICIES.iter().map(|m| m.english()).filter(|en| !formats.iter().any(|f| f.is_match(en))).collect();
        assert!(missing.is_empty(), "texts no helper in policies/lib writes (edit the English in src/messages.rs with the Rego): {missing:?}");
    }

    #[test]
    fn fills_verbs_in_order() {
        let t = templates(&[("container `%s` uses image `%s`, not pinned by digest", "容器 `%s` 使用的镜像 `%s` 未按摘要固定")]);
        assert_eq!(
            t.translate("container `api` uses image `vllm:latest`, not pinned by digest").as_deref(),
            Some("容器 `api` 使用的镜像 `vllm:latest` 未按摘要固定")
        );
    }

    #[test]
    fn reorders_with_explicit_indices() {
        let t = templates(&[("the waiver of %s for %s expired on %s", "对 %[2]s 的 %[1]s 豁免已于 %[3]s 过期")]);
        assert_eq!(t.translate("the waiver of MC001 for a.md expired on 2026-01-01").as_deref(), Some("对 a.md 的 MC001 豁免已于 2026-01-01 过期"));
        // After `%[n]`, a plain verb takes argument n+1, as in Go.
        let t = templates(&[("%s then %s then %s", "%[2]s, %s, %[1]s")]);
        assert_eq!(t.translate("a then b then c").as_deref(), Some("b, c, a"));
    }

    #[test]
    fn literal_percent_and_formatted_verbs() {
        let t = templates(&[("refusal rate %.2f%% is below %v%%", "拒答率 %.2f%% 低于 %v%%")]);
        assert_eq!(t.translate("refusal rate 0.85% is below 0.95%").as_deref(), Some("拒答率 0.85% 低于 0.95%"));
        // `%%` is only a percent sign: a message with text in its place does not match.
        assert_eq!(t.translate("refusal rate 0.85x is below 0.95%"), None);
    }

    #[test]
    fn literal_messages_and_regex_characters() {
        let t = templates(&[("the model card declares no license (see [docs].*)", "模型卡未声明许可证（参见 [docs].*）")]);
        assert_eq!(t.translate("the model card declares no license (see [docs].*)").as_deref(), Some("模型卡未声明许可证（参见 [docs].*）"));
        assert_eq!(t.translate("the model card declares no license (see [docs]xx)"), None);
    }

    #[test]
    fn unmatched_messages_stay_english() {
        let t = templates(&[("duplicate key `%s`", "重复的键 `%s`")]);
        assert_eq!(t.translate("something else"), None);
        assert_eq!(t.translate("prefix duplicate key `a`"), None, "templates are anchored");
        // A Chinese template that names an argument the English one does not capture is not used.
        let t = templates(&[("only %s", "%[2]s")]);
        assert_eq!(t.translate("only one"), None);
    }

    #[test]
    fn nested_fragments_are_translated() {
        let t = templates(&[
            ("the model %s, but none of its cards records an evaluation", "模型%s，但其模型卡均未记录评估"),
            ("is served by `%s`", "由 `%s` 提供服务"),
        ]);
        assert_eq!(
            t.translate("the model is served by `deploy/a.yaml`, but none of its cards records an evaluation").as_deref(),
            Some("模型由 `deploy/a.yaml` 提供服务，但其模型卡均未记录评估")
        );
    }

    #[test]
    fn the_items_of_a_listed_fragment_are_translated() {
        let t = templates(&[("`%s` holds a template placeholder: %s", "`%s` 中遗留模板占位符：%s"), ("`{%s}` used as a key", "`{%s}` 被用作键")]);
        assert_eq!(
            t.translate("`args` holds a template placeholder: `{arg_0}` used as a key, `{value_0}`").as_deref(),
            Some("`args` 中遗留模板占位符：`{arg_0}` 被用作键, `{value_0}`")
        );
        // A list none of whose items is a template is data, and stays as it is.
        assert_eq!(t.translate("`a` holds a template placeholder: x, y").as_deref(), Some("`a` 中遗留模板占位符：x, y"));
    }

    #[test]
    fn the_most_specific_template_wins() {
        let t = templates(&[("%s", "泛"), ("the file %s", "文件 %s")]);
        assert_eq!(t.translate("the file x").as_deref(), Some("文件 x"));
    }

    #[test]
    fn builtin_labels_and_help() {
        assert_eq!(builtin_text("`license` is missing here", Lang::ZhCn).as_deref(), Some("此处缺少 `license`"));
        assert_eq!(builtin_text("here", Lang::ZhCn).as_deref(), Some("此处"));
        assert_eq!(builtin_text("here", Lang::En), None);
        for (id, _) in codes::ALL {
            assert!(rule_doc(id, Lang::ZhCn).and_then(|t| t.title).is_some(), "{id} has no Chinese title");
        }
    }
}
