import {
  ShieldQuestion,
  CircleCheck,
  CircleSlash,
  CircleX,
  FileText,
  Loader2,
  MessageCircleQuestion,
  MessageSquare,
  Send,
} from "lucide-react";
import type { ReactNode } from "react";
import { plural } from "@/components/format";
import { cn } from "@/components/ui/cn";
import { partsText, type TaskEventView } from "@/server/schemas/task-event-view";

const time = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

interface Line {
  icon: ReactNode;
  text: ReactNode;
  tone?: "muted" | "warning" | "success" | "destructive";
  testId: string;
}

/** A final state and, below it, what the agent or Bureau said about it. */
function Outcome({ label, detail }: { label: string; detail: string }) {
  return (
    <>
      <span className="font-medium">{label}</span>
      {detail ? <span className="block text-foreground/80">{detail}</span> : null}
    </>
  );
}

/**
 * One timeline entry per event, except that the chunks an agent streams into
 * one artifact fold into the entry of the first (a 30-chunk answer is one
 * line that counts its parts, not 30 "more content" lines).
 */
export function timelineEntries(events: TaskEventView[]): { event: TaskEventView; parts: number; last: string }[] {
  const entries: { event: TaskEventView; parts: number; last: string }[] = [];
  for (const event of events) {
    const previous = entries.at(-1);
    if (
      event.kind === "artifact" &&
      event.data.append &&
      previous?.event.kind === "artifact" &&
      previous.event.data.artifactId === event.data.artifactId
    ) {
      previous.parts += 1;
      previous.last = event.createdAt;
      continue;
    }
    entries.push({ event, parts: 1, last: event.createdAt });
  }
  return entries;
}

function describe(event: TaskEventView, agentName: string, parts: number): Line {
  if (event.kind === "message") {
    const text = partsText(event.data.message.parts) || "(no text)";
    return {
      icon: <MessageSquare />,
      testId: "timeline-message",
      text: (
        <>
          <span className="font-medium">{event.data.turn === 1 ? "You asked" : "You answered"}:</span>{" "}
          <span className="whitespace-pre-line">{text}</span>
        </>
      ),
    };
  }
  if (event.kind === "artifact") {
    const name = event.data.name ?? "Result";
    return {
      icon: <FileText />,
      tone: "muted",
      testId: "timeline-artifact",
      text:
        parts > 1
          ? `${name} received in ${plural(parts, { one: "part", other: "parts" })}`
          : event.data.append
            ? `${name}: more content arrived`
            : `${name} received`,
    };
  }
  const said = event.data.text ?? (event.data.message ? partsText(event.data.message.parts) : "");
  switch (event.data.state) {
    case "SUBMITTED":
      return { icon: <Send />, tone: "muted", testId: "timeline-status", text: `Sent to ${agentName}` };
    case "WORKING":
      return said
        ? { icon: <Loader2 />, testId: "progress-line", text: said }
        : { icon: <Loader2 />, tone: "muted", testId: "timeline-status", text: `${agentName} is working` };
    case "INPUT_REQUIRED":
      return {
        icon: <MessageCircleQuestion />,
        tone: "warning",
        testId: "timeline-question",
        text: (
          <>
            <span className="font-medium">{agentName} asks:</span> {said || "Please add more detail."}
          </>
        ),
      };
    case "AUTH_REQUIRED":
      return {
        icon: <ShieldQuestion />,
        tone: "warning",
        testId: "timeline-approval",
        text: <Outcome label="Awaiting approval" detail={said} />,
      };
    case "COMPLETED":
      return {
        icon: <CircleCheck />,
        tone: "success",
        testId: "timeline-status",
        text: <Outcome label="Completed" detail={said} />,
      };
    case "CANCELED":
      return {
        icon: <CircleSlash />,
        tone: "muted",
        testId: "timeline-status",
        text: <Outcome label="Canceled" detail={said} />,
      };
    default:
      return {
        icon: <CircleX />,
        tone: "destructive",
        testId: "timeline-status",
        text: <Outcome label={event.data.state === "REJECTED" ? "Rejected" : "Failed"} detail={said} />,
      };
  }
}

const TONE = {
  muted: "text-muted-foreground",
  warning: "text-warning-foreground dark:text-warning",
  success: "text-success",
  destructive: "text-destructive",
};

/** The run as it happened: what was asked, each status and progress line, each artifact. */
export function TaskTimeline({ events, agentName }: { events: TaskEventView[]; agentName: string }) {
  return (
    <ol className="relative space-y-3 border-l border-border pl-5" aria-live="polite" aria-label="Run timeline">
      {timelineEntries(events).map(({ event, parts, last }) => {
        const line = describe(event, agentName, parts);
        return (
          <li key={event.id} data-testid={line.testId} data-kind={event.kind} className="relative">
            <span
              aria-hidden
              className={cn(
                "absolute top-0.5 -left-[1.95rem] flex size-5 items-center justify-center rounded-full",
                "border border-border bg-background [&_svg]:size-3",
                line.tone ? TONE[line.tone] : "text-foreground",
              )}
            >
              {line.icon}
            </span>
            <div className="flex items-start justify-between gap-3 text-sm">
              <p className={cn("min-w-0", line.tone ? TONE[line.tone] : undefined)}>{line.text}</p>
              <time className="shrink-0 text-xs text-muted-foreground tabular-nums" dateTime={last}>
                {time.format(new Date(last))}
              </time>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
