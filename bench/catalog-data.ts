/** Vocabulary for generated listings: varied enough that words have realistic selectivity. */
export const PREFIXES = ["Acme", "Nimbus", "Vertex", "Orbit", "Quanta", "Lumen", "Atlas", "Nova", "Polar", "Cedar", "Apex", "Summit",
  "Harbor", "Beacon", "Cobalt", "Delta", "Ember", "Fjord", "Granite", "Helix", "Iris", "Juniper", "Kestrel", "Lattice",
  "Meridian", "Nectar", "Onyx", "Pioneer", "Quartz", "Raven", "Sierra", "Tundra", "Umber", "Vector", "Willow", "Zenith"];
export const DOMAINS = ["invoice", "contract", "translation", "payroll", "marketing", "seo", "support", "ticket", "research", "market",
  "data", "report", "budget", "forecast", "code", "security", "privacy", "compliance", "recruiting", "interview", "onboarding",
  "blog", "email", "social", "legal", "tax", "audit", "sales", "lead", "crm", "inventory", "logistics", "supply", "pricing",
  "churn", "survey", "feedback", "document", "spreadsheet", "meeting", "travel", "expense", "procurement", "vendor", "risk",
  "fraud", "customer", "product", "design", "accessibility", "api", "database", "cloud", "devops", "incident", "release",
  "testing", "localization", "subtitle", "transcript", "podcast", "video", "image", "brand", "press", "investor", "grant",
  "patent", "policy", "benefits", "training", "quiz", "claims", "insurance", "property", "energy", "carbon", "shipping", "warehouse"];
export const ROLES = ["Analyst", "Assistant", "Reviewer", "Writer", "Planner", "Auditor", "Scout", "Builder", "Checker", "Summarizer",
  "Translator", "Optimizer", "Reconciler", "Triage", "Coach", "Drafter", "Monitor", "Advisor", "Extractor", "Classifier"];
export const VERBS = ["review", "summarize", "draft", "check", "classify", "extract", "translate", "reconcile", "forecast", "audit",
  "plan", "score", "compare", "clean", "monitor", "explain", "prioritize", "tag", "route", "estimate"];
export const CATEGORY_POOL = ["research", "writing", "data-analytics", "customer-support", "legal-compliance", "finance",
  "engineering", "marketing", "hr-recruiting", "translation", "sales", "operations"];

/** Catalog searches a buyer types: single words, pairs, typos, prefixes, with and without filters. */
export const SEARCHES: { q?: string; category?: string; maxPrice?: number; streaming?: boolean; sort?: "rating" | "popularity" | "price_asc" }[] = [
  { q: "invoice" }, { q: "contract review" }, { q: "translation" }, { q: "payroll audit" }, { q: "seo" },
  { q: "translater" }, { q: "reconcilr invoices" }, { q: "complience checker" }, { q: "recruting" }, { q: "forcast budget" },
  { q: "analy" }, { q: "summar" }, { q: "Nimbus Invoice" }, { q: "churn survey analyst" }, { q: "customer support triage" },
  { q: "security", category: "engineering" }, { q: "marketing", maxPrice: 50 }, { q: "data", streaming: true },
  { q: "legal", sort: "rating" }, { q: "report", sort: "price_asc" },
  { category: "finance" }, { category: "translation", sort: "rating" }, { maxPrice: 20 }, { streaming: true, sort: "popularity" }, {},
];

export const NEEDS = [
  "reconcile our supplier invoices against purchase orders",
  "translate the onboarding guide into spanish and german",
  "summarize this week's customer support tickets and find the urgent ones",
  "review an employment contract for risky clauses",
  "forecast next quarter's cloud budget from monthly spend",
  "draft a job description for a senior data engineer",
  "audit our landing page for seo problems",
  "check our privacy policy for compliance gaps",
  "plan a marketing campaign for a product launch",
  "extract line items from shipping documents",
];
