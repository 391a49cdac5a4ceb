const short = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const long = new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 24" from "2026-11-24" (a UTC day, as the server buckets it). */
export const formatDayShort = (day: string) => short.format(new Date(`${day}T00:00:00Z`));
/** "Tue, Nov 24" from "2026-11-24". */
export const formatDayLong = (day: string) => long.format(new Date(`${day}T00:00:00Z`));
