import "server-only";
/**
 * One sentence per audit row, saying what happened with the facts the row
 * carries (the key's name, the amount, the cap), for the dashboard's
 * activity, the audit log page and its CSV. Reads `data` defensively: rows
 * written by older code may lack a field, and then the sentence says less.
 */
export interface DescribableAudit {
  action: string;
  target: string | null;
  data: unknown;
}

/** Facts not in the row itself, looked up by the caller (e.g. a revoked key's name by its id). */
export interface AuditLookups {
  apiKeyNames?: Map<string, string>;
}

const number = new Intl.NumberFormat("en-US");
const credits = (value: number) => `${number.format(value)} ${value === 1 ? "credit" : "credits"}`;
const money = (cents: number, currency: string) =>
  (cents / 100).toLocaleString("en-US", { style: "currency", currency: currency.toUpperCase() });

function field(data: unknown, key: string): unknown {
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>)[key] : undefined;
}
const num = (data: unknown, key: string) => {
  const value = field(data, key);
  return typeof value === "number" && Number.isFinite(value) ? value : null;
};
const str = (data: unknown, key: string) => {
  const value = field(data, key);
  return typeof value === "string" && value.length > 0 ? value : null;
};
const quoted = (value: string) => `“${value.length > 80 ? `${value.slice(0, 79)}…` : value}”`;

const LISTING_VERBS: Record<string, string> = {
  "agent.created": "created",
  "agent.submitted": "submitted for review",
  "agent.approved": "approved",
  "agent.rejected": "rejected",
  "agent.suspended": "suspended",
  "agent.card_updated": "card updated",
  "agent.terms_updated": "price or terms updated",
};

function describeMoney({ action, data }: DescribableAudit): string | null {
  switch (action) {
    case "credits.granted": {
      const amount = num(data, "amount");
      const reason = str(data, "reason");
      return `${amount === null ? "Credits" : credits(amount)} granted${reason ? ` — ${quoted(reason)}` : ""}`;
    }
    case "credits.purchased": {
      const amount = num(data, "credits");
      const cents = num(data, "amountCents");
      const price = cents === null ? "" : ` for ${money(cents, str(data, "currency") ?? "usd")}`;
      return `Bought ${amount === null ? "credits" : credits(amount)}${price}`;
    }
    case "credits.refunded": {
      const amount = num(data, "credits");
      const cents = num(data, "refundedCents");
      return (
        `Refund took back ${amount === null ? "credits" : credits(amount)}` +
        (cents === null ? "" : ` (${money(cents, "usd")} refunded in total)`)
      );
    }
    case "budget.set": {
      const to = num(data, "to");
      const from = num(data, "from");
      return (
        `Monthly cap set to ${to === null ? "a new value" : credits(to)}` +
        (from === null ? "" : ` (was ${credits(from)})`)
      );
    }
    case "budget.removed": {
      const from = num(data, "from");
      return `Monthly cap removed${from === null ? "" : ` (was ${credits(from)})`}`;
    }
    case "budget.threshold_crossed": {
      const spent = num(data, "spentCredits");
      const cap = num(data, "capCredits");
      if (spent === null || cap === null) return "Monthly spend reached 80% of the cap";
      return (
        `Monthly spend reached ${number.format(spent)} of the ${credits(cap)} cap ` +
        `(${Math.floor((spent * 100) / cap)}%)`
      );
    }
    default:
      return null;
  }
}

function describeOther({ action, target, data }: DescribableAudit, lookups: AuditLookups): string | null {
  switch (action) {
    case "api_key.created":
    case "api_key.revoked": {
      const name = str(data, "name") ?? (target ? lookups.apiKeyNames?.get(target) : undefined);
      return `API key ${name ? `${quoted(name)} ` : ""}${action === "api_key.created" ? "created" : "revoked"}`;
    }
    case "member.role_changed": {
      const who = str(data, "name") ?? str(data, "email") ?? "A member";
      return `${who}’s role changed from ${str(data, "from") ?? "?"} to ${str(data, "to") ?? "?"}`;
    }
    case "member.removed":
      return (
        `${str(data, "name") ?? str(data, "email") ?? "A member"} removed from the organization ` +
        `(was ${str(data, "role") ?? "a member"})`
      );
    case "member.left":
      return `${str(data, "name") ?? str(data, "email") ?? "A member"} left the organization`;
    case "oauth_app.connected":
    case "oauth_app.disconnected": {
      const client = str(data, "clientName") ?? str(data, "clientId");
      const verb = action === "oauth_app.connected" ? "connected over OAuth" : "disconnected";
      return `${client ? quoted(client) : "An app"} ${verb}`;
    }
    case "department.created":
    case "department.updated":
    case "department.moved":
    case "department.archived":
    case "department.unarchived":
    case "department.leads_changed": {
      const name = str(data, "name") ?? str(data, "slug");
      const verb = action === "department.leads_changed" ? "leads changed" : action.slice("department.".length);
      return `Department ${name ? `${quoted(name)} ` : ""}${verb}`;
    }
    case "position.hired":
    case "position.updated":
    case "position.moved":
    case "position.paused":
    case "position.resumed":
    case "position.ended": {
      const title = str(data, "title");
      return `Position ${title ? `${quoted(title)} ` : ""}${action.slice("position.".length)}`;
    }
    default: {
      const verb = LISTING_VERBS[action];
      if (!verb) return null;
      const slug = str(data, "slug");
      const reason = str(data, "reason");
      return `Listing ${slug ? `${quoted(slug)} ` : ""}${verb}${reason ? ` — ${quoted(reason)}` : ""}`;
    }
  }
}

/** "api_key.rotated" reads "Api key rotated" when no sentence exists for an action yet. */
function fallback(action: string): string {
  const words = action.replace(/[._]+/g, " ").trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Activity";
}

export function describeAudit(row: DescribableAudit, lookups: AuditLookups = {}): string {
  return describeMoney(row) ?? describeOther(row, lookups) ?? fallback(row.action);
}
