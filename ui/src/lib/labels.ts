import type { Level, Topic } from "./bindings";

export const TOPICS: Topic[] = [
  "compute", "containers", "serverless", "storage", "database", "networking", "security", "messaging",
  "ci-cd", "iac", "monitoring", "cost", "resilience", "architecture", "analytics", "migration",
];

const TOPIC_NAMES: Record<Topic, string> = {
  compute: "Compute", containers: "Containers", serverless: "Serverless", storage: "Storage",
  database: "Databases", networking: "Networking", security: "Security & IAM", messaging: "Messaging",
  "ci-cd": "CI/CD", iac: "Infrastructure as code", monitoring: "Monitoring", cost: "Cost",
  resilience: "Resilience & DR", architecture: "Architecture", analytics: "Analytics", migration: "Migration",
};

export function topicName(t: Topic): string {
  return TOPIC_NAMES[t];
}

export function levelName(l: Level): string {
  return l === "mid" ? "Mid-level" : "Senior";
}

// The five source guides, by the short name their seed files start with.
export const GUIDES: { id: string; name: string }[] = [
  { id: "000", name: "Guide 000 — AWS & infrastructure notes" },
  { id: "001", name: "Guide 001 — AWS interview prep module" },
  { id: "002", name: "Guide 002 — 40 in-depth AWS questions" },
  { id: "003", name: "Guide 003 — AWS Q&A blog" },
  { id: "004", name: "Guide 004 — AWS Q&A list" },
];
