import "server-only";

/**
 * Five-field cron as schedule triggers use it: minute, hour, day of month,
 * month, day of week; each field `*`, a number, a range `a-b`, a step `/n`
 * and lists of those; months and weekdays also by three-letter English name.
 * Returns why the expression is wrong, or null.
 */
const FIELDS = [
  { name: "minute", min: 0, max: 59, names: [] as string[] },
  { name: "hour", min: 0, max: 23, names: [] },
  { name: "day of month", min: 1, max: 31, names: [] },
  {
    name: "month",
    min: 1,
    max: 12,
    names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"],
  },
  { name: "day of week", min: 0, max: 7, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

function valueOf(text: string, field: (typeof FIELDS)[number]): number | null {
  const named = field.names.indexOf(text.toUpperCase());
  if (named !== -1) return named + field.min;
  if (!/^\d{1,2}$/.test(text)) return null;
  const value = Number(text);
  return value >= field.min && value <= field.max ? value : null;
}

function partProblem(part: string, field: (typeof FIELDS)[number]): string | null {
  const [range, step, extra] = part.split("/");
  if (extra !== undefined || range === undefined) return `"${part}" has more than one "/"`;
  if (step !== undefined && !(/^\d{1,2}$/.test(step) && Number(step) > 0))
    return `the step "/${step}" is not a positive number`;
  if (range === "*") return null;
  const [from, to, more] = range.split("-");
  if (more !== undefined) return `"${range}" is not a range`;
  const low = valueOf(from ?? "", field);
  const high = to === undefined ? low : valueOf(to, field);
  if (low === null || high === null) return `"${range}" is not a ${field.name} (${field.min}–${field.max})`;
  if (high < low) return `the range "${range}" runs backwards`;
  return null;
}

export function cronProblem(cron: string): string | null {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5)
    return `A schedule needs five cron fields (minute hour day month weekday), not ${fields.length}.`;
  for (const [i, text] of fields.entries()) {
    for (const part of text.split(",")) {
      const problem = partProblem(part, FIELDS[i]!);
      if (problem) return `In the ${FIELDS[i]!.name} field, ${problem}.`;
    }
  }
  return null;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
