const credits = new Intl.NumberFormat("en-US");
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short" });
const date = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

export const formatCredits = (value: number) => credits.format(value);
export const formatDateTime = (value: Date) => dateTime.format(value);
export const formatDate = (value: Date) => date.format(value);

/** "3 minutes ago" style, falling back to a date past a week. */
export function formatRelative(value: Date, now = Date.now()): string {
  const seconds = Math.round((now - value.getTime()) / 1000);
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days <= 7 ? `${days} d ago` : formatDate(value);
}

const pluralRules = new Intl.PluralRules("en-US");

/**
 * "1 task" / "3 tasks": the count and the word form Intl.PluralRules picks
 * for it. `other` covers every form English does not distinguish.
 */
export function plural(count: number, forms: { one: string; other: string }): string {
  const form = pluralRules.select(count) === "one" ? forms.one : forms.other;
  return `${credits.format(count)} ${form}`;
}

/** "1 credit" / "250 credits". */
export const creditCount = (count: number) => plural(count, { one: "credit", other: "credits" });
