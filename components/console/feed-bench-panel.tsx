"use client";

import { FlaskConical } from "lucide-react";
import { useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { runFeedBench, type FeedBenchResult } from "./feed-bench";
import type { FeedStore } from "./feed-store";

declare global {
  interface Window {
    /** Set by the ?feedbench=1 panel once a run ends (read by the E2E spec and bench/console-frames). */
    __bureauFeedBench?: FeedBenchResult;
  }
}

/**
 * Only with ?feedbench=1: generates synthetic events (labelled "synthetic" in
 * the feed, never written to the log) at `rate` a second for 3 s into the
 * feed's own pipeline and shows the frame times measured meanwhile.
 */
export function FeedBenchPanel({ store, rate }: { store: FeedStore; rate: number }) {
  const [result, setResult] = useState<FeedBenchResult | null>(null);
  const [running, setRunning] = useState(false);
  const start = async () => {
    setRunning(true);
    setResult(null);
    const measured = await runFeedBench(store, { rate });
    window.__bureauFeedBench = measured;
    setResult(measured);
    setRunning(false);
  };
  return (
    <Alert icon={<FlaskConical />} data-testid="feedbench">
      <AlertTitle>Feed bench: synthetic events</AlertTitle>
      <AlertDescription className="grid gap-2">
        <span>
          {`Feeds ${rate.toLocaleString("en-US")} made-up events a second for 3 s through the live feed's buffer and `}
          records frame times. Nothing is written to your event log.
        </span>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            size="sm"
            variant="outline"
            onClick={() => void start()}
            disabled={running}
            data-testid="feedbench-run"
          >
            {running ? "Running…" : `Run ${rate.toLocaleString("en-US")} events/s for 3 s`}
          </Button>
          {result ? (
            <span className="tabular-nums" data-testid="feedbench-result" data-result={JSON.stringify(result)}>
              {`${result.eventsAccepted.toLocaleString("en-US")} events · ${result.frames} frames · `}
              {`p50 ${result.p50FrameMs} ms · p95 ${result.p95FrameMs} ms · max ${result.maxFrameMs} ms`}
            </span>
          ) : null}
        </div>
      </AlertDescription>
    </Alert>
  );
}
