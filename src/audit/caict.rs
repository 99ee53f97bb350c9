//! The layers and stages of the CAICT roadmap (大模型落地路线图研究报告), as the rows and columns
//! of the report's matrix. The report's data keeps them as the names rules write in their
//! metadata (`custom.layer`, `custom.stage`); these types are the names govlint knows, so that
//! what is said of each (its text in the report, its order) is matched, never looked up.

/// A layer of the roadmap, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layer {
    Infrastructure,
    DataResources,
    AlgorithmModels,
    ApplicationServices,
    SecurityTrustworthiness,
}

impl Layer {
    pub const ALL: [Layer; 5] = [Layer::Infrastructure, Layer::DataResources, Layer::AlgorithmModels, Layer::ApplicationServices, Layer::SecurityTrustworthiness];

    /// The name a rule's metadata gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Infrastructure => "infrastructure",
            Layer::DataResources => "data-resources",
            Layer::AlgorithmModels => "algorithm-models",
            Layer::ApplicationServices => "application-services",
            Layer::SecurityTrustworthiness => "security-trustworthiness",
        }
    }

    pub fn parse(s: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A stage of the roadmap, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    Diagnosis,
    CapabilityBuilding,
    ApplicationDeployment,
    OperationsManagement,
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Diagnosis, Stage::CapabilityBuilding, Stage::ApplicationDeployment, Stage::OperationsManagement];

    /// The name a rule's metadata gives it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Diagnosis => "diagnosis",
            Stage::CapabilityBuilding => "capability-building",
            Stage::ApplicationDeployment => "application-deployment",
            Stage::OperationsManagement => "operations-management",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|st| st.as_str() == s)
    }
}
