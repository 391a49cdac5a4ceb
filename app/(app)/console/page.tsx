import { ConsoleView } from "@/components/console/console-view";

export const metadata = { title: "Console" };

/**
 * `?feedbench=1` adds the synthetic-load panel that measures the live feed's
 * frame times (bench and E2E); `&rate=` sets its events per second (default
 * 1,000; 0 measures the idle page).
 */
export default async function ConsolePage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const { feedbench, rate } = await searchParams;
  const perSecond = typeof rate === "string" && /^\d{1,5}$/.test(rate) ? Math.min(Number(rate), 20_000) : 1_000;
  return <ConsoleView feedbench={feedbench === "1" ? { rate: perSecond } : null} />;
}
