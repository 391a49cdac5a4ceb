import { ConsoleView } from "@/components/console/console-view";

export const metadata = { title: "Console" };

/** `?feedbench=1` adds the synthetic-load panel that measures the live feed's frame times (bench and E2E). */
export default async function ConsolePage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const { feedbench } = await searchParams;
  return <ConsoleView feedbench={feedbench === "1"} />;
}
