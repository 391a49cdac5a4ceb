import { Clock, Coins, ListChecks, Wallet } from "lucide-react";
import { formatCredits, formatDateTime } from "@/components/format";
import { formatDuration } from "@/components/tasks/task-format";
import type { NodeStates } from "@/components/workflows/lib/types";
import { Stat } from "@/components/ui/stat";
import { elapsedMs, isActiveRun } from "./run-format";
import type { RunDetail } from "./run-types";

/** The run in four numbers: cost (and the cap), time, steps done, what is held right now. */
export function RunStats({ run, nodeStates, now }: { run: RunDetail; nodeStates: NodeStates; now: number }) {
  const duration = elapsedMs(run.startedAt, run.finishedAt, now);
  const states = Object.values(nodeStates);
  const done = states.filter((s) => s.state === "succeeded" || s.state === "skipped").length;
  const held = run.steps.filter((s) => s.state === "RUNNING").reduce((sum, s) => sum + s.costCredits, 0);
  return (
    <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
      <Stat
        icon={<Coins />}
        label="Total cost"
        value={
          <span data-testid="run-total-cost">
            {formatCredits(run.totalCostCredits)}
            <span className="text-sm font-normal text-muted-foreground"> cr</span>
          </span>
        }
        hint={
          run.budgetCapCredits !== null
            ? `Budget cap ${formatCredits(run.budgetCapCredits)} cr`
            : "No budget cap on this run"
        }
      />
      <Stat
        icon={<Clock />}
        label={isActiveRun(run.state) ? "Running for" : "Took"}
        value={duration === null ? "—" : formatDuration(duration)}
        hint={run.finishedAt ? `Ended ${formatDateTime(run.finishedAt)}` : "Not ended yet"}
      />
      <Stat
        icon={<ListChecks />}
        label="Steps done"
        value={
          <span data-testid="run-steps-done">
            {done}
            <span className="text-sm font-normal text-muted-foreground"> / {states.length}</span>
          </span>
        }
        hint={describeRest(nodeStates)}
      />
      <Stat
        icon={<Wallet />}
        label="Held now"
        value={
          <span>
            {formatCredits(held)}
            <span className="text-sm font-normal text-muted-foreground"> cr</span>
          </span>
        }
        hint={held > 0 ? "For agent steps still running" : "Nothing on hold"}
      />
    </div>
  );
}

function describeRest(nodeStates: NodeStates): string {
  const count = (state: string) => Object.values(nodeStates).filter((s) => s.state === state).length;
  const parts = [
    [count("running"), "running"],
    [count("waiting"), "waiting"],
    [count("failed"), "failed"],
    [count("canceled"), "canceled"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`);
  return said.length ? said.join(" · ") : "Nothing in progress";
}
