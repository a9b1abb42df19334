use serde::{Deserialize, Serialize};
use specta::Type;

/// The fixed list of topics a question belongs to. Adding one is a deliberate change: the UI filters on it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Type,
)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    Compute,
    Containers,
    Serverless,
    Storage,
    Database,
    Networking,
    Security,
    Messaging,
    CiCd,
    Iac,
    Monitoring,
    Cost,
    Resilience,
    Architecture,
    Analytics,
    Migration,
}

impl Topic {
    pub const ALL: [Topic; 16] = [
        Topic::Compute,
        Topic::Containers,
        Topic::Serverless,
        Topic::Storage,
        Topic::Database,
        Topic::Networking,
        Topic::Security,
        Topic::Messaging,
        Topic::CiCd,
        Topic::Iac,
        Topic::Monitoring,
        Topic::Cost,
        Topic::Resilience,
        Topic::Architecture,
        Topic::Analytics,
        Topic::Migration,
    ];

    /// The slug used in files and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Topic::Compute => "compute",
            Topic::Containers => "containers",
            Topic::Serverless => "serverless",
            Topic::Storage => "storage",
            Topic::Database => "database",
            Topic::Networking => "networking",
            Topic::Security => "security",
            Topic::Messaging => "messaging",
            Topic::CiCd => "ci-cd",
            Topic::Iac => "iac",
            Topic::Monitoring => "monitoring",
            Topic::Cost => "cost",
            Topic::Resilience => "resilience",
            Topic::Architecture => "architecture",
            Topic::Analytics => "analytics",
            Topic::Migration => "migration",
        }
    }

    pub fn from_slug(s: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.slug() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Mid,
    Senior,
}

impl Level {
    pub fn slug(self) -> &'static str {
        match self {
            Level::Mid => "mid",
            Level::Senior => "senior",
        }
    }

    pub fn from_slug(s: &str) -> Option<Level> {
        match s {
            "mid" => Some(Level::Mid),
            "senior" => Some(Level::Senior),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_round_trip() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_slug(t.slug()), Some(t));
        }
        assert_eq!(Topic::from_slug("dns"), None);
        assert_eq!(Level::from_slug("senior"), Some(Level::Senior));
        assert_eq!(Level::from_slug("junior"), None);
    }
}
