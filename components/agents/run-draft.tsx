"use client";

import { MessageSquareQuote } from "lucide-react";
import { createContext, use, useState, type ReactNode } from "react";
import { RunTaskPanel } from "@/components/tasks/run-task-panel";
import { cn } from "@/components/ui/cn";
import { SignInToRun, type Visitor } from "./sign-in-to-run";

interface RunDraft {
  text: string;
  setText: (text: string) => void;
}

const Context = createContext<RunDraft | null>(null);

/** The run form's text, shared by the form and the example prompts elsewhere on the page. */
export function RunDraftProvider({ initial, children }: { initial: string; children: ReactNode }) {
  const [text, setText] = useState(initial);
  return <Context value={{ text, setText }}>{children}</Context>;
}

function useRunDraft(): RunDraft {
  const draft = use(Context);
  if (!draft) throw new Error("useRunDraft must be used inside <RunDraftProvider>");
  return draft;
}

export const RUN_TEXT_ID = "run-task-text";

/** An example request from a skill: clicking it fills the run form and takes you there. */
export function ExamplePrompt({ text }: { text: string }) {
  const { setText } = useRunDraft();
  return (
    <button
      type="button"
      className={cn(
        "group flex w-full items-start gap-2 rounded-md bg-muted px-3 py-1.5 text-left text-sm",
        "transition-colors hover:bg-accent",
      )}
      title="Use this example"
      onClick={() => {
        setText(text);
        const field = document.getElementById(RUN_TEXT_ID);
        field?.scrollIntoView({ behavior: "smooth", block: "center" });
        field?.focus({ preventScroll: true });
      }}
    >
      <MessageSquareQuote
        className="mt-0.5 size-4 shrink-0 text-muted-foreground group-hover:text-foreground"
        aria-hidden
      />
      <span className="min-w-0 break-words">&ldquo;{text}&rdquo;</span>
      <span className="sr-only">(use this example)</span>
    </button>
  );
}

/** The run form for a member of an organization; for anyone else, the way in that comes back here. */
export function AgentRunPanel(props: { slug: string; price: number; placeholder: string; visitor: Visitor }) {
  const { text, setText } = useRunDraft();
  if (props.visitor === "member")
    return (
      <RunTaskPanel
        agentSlug={props.slug}
        price={props.price}
        placeholder={props.placeholder}
        text={text}
        onTextChange={setText}
      />
    );
  return <SignInToRun {...props} visitor={props.visitor} text={text} onTextChange={setText} />;
}
