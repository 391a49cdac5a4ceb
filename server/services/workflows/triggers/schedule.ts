import "server-only";
import { Cron } from "croner";

/**
 * Schedule triggers are five-field cron expressions read in an IANA time
 * zone. croner parses them (zero dependencies, DST-aware time zones, kept
 * up); we only ask it when the schedule last fired, and whether it parses.
 */
function cronOf(expression: string, timeZone: string): Cron {
  return new Cron(expression, { timezone: timeZone, paused: true, mode: "5-part" });
}

/** Null when the schedule is valid, else a sentence saying what is wrong. */
export function scheduleProblem(expression: string, timeZone: string): string | null {
  if (!isTimeZone(timeZone)) return `"${timeZone}" is not a time zone; use an IANA name such as Europe/Paris or UTC.`;
  try {
    if (!cronOf(expression, timeZone).nextRun()) return `"${expression}" never fires.`;
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `"${expression}" is not a five-field cron expression (minute hour day month weekday): ${reason}`;
  }
}

/** When the schedule last fired at or before `now`; null when it never has. */
export function lastFireTime(expression: string, timeZone: string, now: Date): Date | null {
  // previousRuns excludes `now` itself; a schedule due exactly now counts as fired.
  const [last] = cronOf(expression, timeZone).previousRuns(1, new Date(now.getTime() + 1));
  return last ?? null;
}

/** The next `count` fire times after `from`, for the inspector's preview. */
export function nextFireTimes(expression: string, timeZone: string, from: Date, count: number): Date[] {
  return cronOf(expression, timeZone).nextRuns(count, from);
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
