"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { z } from "zod";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

const ZJsonSchema = z.json();
type JsonValue = z.infer<typeof ZJsonSchema>;

/** The input box's first text: the template's sample input when the workflow came from one. */
function useSampleInput(templateId: string | null): string | null {
  const { org } = useOrg();
  const trpc = useTRPC();
  const templates = useQuery({
    ...trpc.workflows.templates.queryOptions({ orgId: org.id }),
    enabled: templateId !== null,
    staleTime: 5 * 60_000,
  });
  if (templateId === null) return "{}";
  if (templates.isPending) return null;
  const sample = templates.data?.find((t) => t.id === templateId)?.sampleInput;
  return JSON.stringify(sample ?? {}, null, 2);
}

/** The JSON the run starts with; a parse error names where it went wrong. */
function parseInput(text: string): { ok: true; value: JsonValue } | { ok: false; error: string } {
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: ZJsonSchema.parse(JSON.parse(text)) };
  } catch (e) {
    return { ok: false, error: `That is not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * Run: the input as JSON (what the steps read as `input`), started on the
 * newest published version, then the run's live page.
 */
export function RunDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  workflowId: string;
  templateId: string | null;
  version: number;
  hasUnpublishedChanges: boolean;
}) {
  const sample = useSampleInput(props.templateId);
  return (
    <Dialog open={props.open} onOpenChange={props.onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-xl">
        {sample === null ? null : <RunForm key={sample} {...props} sample={sample} />}
      </DialogContent>
    </Dialog>
  );
}

function RunForm(props: Parameters<typeof RunDialog>[0] & { sample: string }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState(props.sample);
  const [parseError, setParseError] = useState<string | null>(null);
  // One key per dialog opening: a double submit starts one run, a new opening a new run.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const start = useMutation(
    trpc.workflows.runs.start.mutationOptions({ onSuccess: (run) => router.push(`/workflows/runs/${run.id}`) }),
  );

  const submit = () => {
    const parsed = parseInput(text);
    if (!parsed.ok) return setParseError(parsed.error);
    setParseError(null);
    start.mutate({
      orgId: org.id,
      workflowId: props.workflowId,
      input: parsed.value,
      idempotencyKey,
    });
  };

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <DialogHeader>
        <DialogTitle>Run version {props.version}</DialogTitle>
        <DialogDescription>
          {props.hasUnpublishedChanges
            ? "Runs use the newest published version; your draft's unpublished changes are not part of it."
            : "Agent steps are billed at their listed prices as they run."}
        </DialogDescription>
      </DialogHeader>
      <Field
        label="Input (JSON)"
        description={props.templateId ? "Prefilled with the template's sample input." : "Steps read it as {{ input }}."}
        error={parseError}
      >
        <Textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={10}
          spellCheck={false}
          className="font-mono text-xs"
        />
      </Field>
      {start.error ? (
        <Alert variant="destructive">
          <AlertDescription>{start.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={() => props.onOpenChange(false)}>
          Cancel
        </Button>
        <Button type="submit" loading={start.isPending || start.isSuccess}>
          Start run
        </Button>
      </DialogFooter>
    </form>
  );
}
