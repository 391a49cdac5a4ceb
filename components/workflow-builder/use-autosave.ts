"use client";

import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import type { GraphCheck, WorkflowDetail } from "./builder-types";

/** Quiet time after the last change before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = "saved" | "pending" | "saving" | "conflict" | "error";

/** What a save writes: the canvas, and the name and description when they are valid. */
export type DraftFields = { graph: WorkflowGraph; name?: string; description?: string };

/**
 * Drafts save themselves: each change (re)arms a timer, and when it fires
 * the newest fields go to saveDraft with the draftSavedAt this editor last
 * saw, so a draft saved elsewhere meanwhile is refused ("conflict") rather
 * than overwritten. One save is in flight at a time; changes made during it
 * are saved right after. `flush` saves now (publish and run wait for it).
 */
export function useAutosave(opts: {
  orgId: string;
  workflow: WorkflowDetail;
  onSaved: (workflow: WorkflowDetail, check: GraphCheck) => void;
}) {
  const trpc = useTRPC();
  const saveDraft = useMutation(trpc.workflows.saveDraft.mutationOptions());
  const mutate = useRef(saveDraft.mutateAsync);
  mutate.current = saveDraft.mutateAsync;
  const onSaved = useRef(opts.onSaved);
  onSaved.current = opts.onSaved;

  const savedAt = useRef(opts.workflow.draftSavedAt);
  const latest = useRef<DraftFields>({ graph: opts.workflow.draftGraph });
  const dirty = useRef(false);
  const conflicted = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [error, setError] = useState<string | null>(null);
  const [lastSavedAt, setLastSavedAt] = useState<Date>(opts.workflow.draftSavedAt);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    dirty.current = false;
    const fields = latest.current;
    setStatus("saving");
    try {
      const { workflow, check } = await mutate.current({
        orgId: opts.orgId,
        workflowId: opts.workflow.id,
        ...fields,
        expectedSavedAt: savedAt.current,
      });
      savedAt.current = workflow.draftSavedAt;
      setLastSavedAt(workflow.draftSavedAt);
      setError(null);
      onSaved.current(workflow, check);
      if (!dirty.current) setStatus("saved");
      return true;
    } catch (e) {
      const err = e as { message?: string; data?: { code?: string } | null };
      dirty.current = true;
      if (err.data?.code === "CONFLICT") {
        conflicted.current = true;
        setStatus("conflict");
      } else setStatus("error");
      setError(err.message ?? "The draft could not be saved.");
      return false;
    }
  }, [opts.orgId, opts.workflow.id]);

  /** Saves whatever is unsaved, now; false when it could not be (a conflict or an error). */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    for (;;) {
      if (inFlight.current) {
        await inFlight.current;
        continue;
      }
      if (conflicted.current) return false;
      if (!dirty.current) return true;
      let ok = true;
      const run = saveOnce().then((saved) => {
        ok = saved;
      });
      inFlight.current = run;
      await run;
      inFlight.current = null;
      if (!ok) return false;
    }
  }, [saveOnce]);

  const change = useCallback(
    (fields: Partial<DraftFields>) => {
      latest.current = { ...latest.current, ...fields };
      dirty.current = true;
      if (conflicted.current) return;
      setStatus("pending");
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving with changes still unsaved: save them on the way out, and ask first on a reload or tab close.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (dirty.current && !conflicted.current) void flush();
    };
  }, [flush]);

  return { status, error, lastSavedAt, change, flush, savedAt: () => savedAt.current };
}
