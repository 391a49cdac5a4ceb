import { CircleX, UserCheck } from "lucide-react";
import Link from "next/link";
import { approversSentence, deadlineSentence } from "@/components/approvals/approval-format";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { errorLocation } from "./run-format";
import type { ApprovalView, RunError } from "./run-types";

/** Why the run failed, with the node (and the character of its template or expression) at fault. */
export function RunErrorAlert(props: {
  error: RunError;
  nodeName: (nodeId: string) => string;
  onShowNode: (nodeId: string) => void;
}) {
  const { error } = props;
  const where = errorLocation(error, props.nodeName);
  return (
    <Alert variant="destructive" icon={<CircleX />} data-testid="run-error">
      <AlertTitle>The run failed{where ? ` ${where}` : ""}</AlertTitle>
      <AlertDescription className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <span className="min-w-0 break-words whitespace-pre-line text-foreground/80">{error.message}</span>
        {error.nodeId ? (
          <Button size="sm" variant="outline" onClick={() => props.onShowNode(error.nodeId!)}>
            Show the step
          </Button>
        ) : null}
      </AlertDescription>
    </Alert>
  );
}

/** The approvals this run waits on, each with who decides and by when, and the way to the inbox. */
export function RunApprovals({ approvals, members }: { approvals: ApprovalView[]; members: Map<string, string> }) {
  if (approvals.length === 0) return null;
  return (
    <Alert variant="warning" icon={<UserCheck />} data-testid="run-pending-approvals">
      <AlertTitle>
        {approvals.length === 1 ? "Waiting for an approval" : `Waiting for ${approvals.length} approvals`}
      </AlertTitle>
      <AlertDescription className="grid gap-2">
        <ul className="grid gap-1.5">
          {approvals.map((a) => (
            <li key={a.id} data-testid="run-pending-approval" className="text-foreground/85">
              <span className="font-medium text-foreground">{a.title}</span>: {approversSentence(a, members)}.{" "}
              {deadlineSentence(a)}
            </li>
          ))}
        </ul>
        <div>
          <Button asChild size="sm" variant="outline">
            <Link href="/approvals">Open the approvals inbox</Link>
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
