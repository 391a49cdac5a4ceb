"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { OBSERVATION_MAX_LENGTH } from "@/server/services/knowledge/knowledge-limits.types";
import type { Observation } from "./knowledge-types";
import { ProvenanceLine } from "./provenance-line";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

/** A new fact about the entity, with how sure the member is and when it stops being true. */
export function AddObservationForm({ orgId, entityId }: { orgId: string; entityId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const [text, setText] = useState("");
  const [confidence, setConfidence] = useState("100");
  const [expires, setExpires] = useState("");
  const add = useMutation(
    trpc.knowledge.addObservation.mutationOptions({
      onSuccess: () => {
        toast.success("Fact added.");
        setText("");
        setExpires("");
        setConfidence("100");
        refresh();
      },
    }),
  );
  return (
    <form
      className="grid gap-3 rounded-lg border bg-muted/30 p-3"
      noValidate
      data-testid="add-observation"
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate({
          orgId,
          id: entityId,
          text: text.trim(),
          confidence: Number(confidence) / 100,
          expiresAt: expires ? new Date(`${expires}T23:59:59`) : null,
        });
      }}
    >
      <Field label="New fact">
        <Textarea rows={2} value={text} maxLength={OBSERVATION_MAX_LENGTH} onChange={(e) => setText(e.target.value)} />
      </Field>
      <div className="flex flex-wrap items-end gap-3">
        <Field label="Confidence %" className="w-32">
          <Input
            type="number"
            min={0}
            max={100}
            step={5}
            value={confidence}
            onChange={(e) => setConfidence(e.target.value)}
          />
        </Field>
        <Field label="True until" className="w-44" description="Optional">
          <Input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </Field>
        <Button type="submit" loading={add.isPending} disabled={!text.trim()} className="mb-0.5">
          Add fact
        </Button>
      </div>
      {add.error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {add.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** The entity's facts, newest first; retracted and expired ones stay listed, marked. */
export function ObservationList(props: { orgId: string; observations: Observation[]; canEdit: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const retract = useMutation(
    trpc.knowledge.retractObservation.mutationOptions({
      onSuccess: () => {
        toast.success("Retracted. It stays in the history.");
        refresh();
      },
      onError: (error) => toast.error(error.message),
    }),
  );
  const now = Date.now();
  if (props.observations.length === 0) return <p className="text-sm text-muted-foreground">No facts yet.</p>;
  return (
    <ul className="grid gap-3" data-testid="observations">
      {props.observations.map((o) => {
        const expired = o.expiresAt !== null && o.expiresAt.getTime() <= now;
        const standing = o.retractedAt === null && !expired;
        return (
          <li key={o.id} className="grid gap-1.5 rounded-lg border bg-card p-3" data-testid="observation">
            <div className="flex items-start justify-between gap-3">
              <p
                className={
                  standing
                    ? "text-sm break-words whitespace-pre-wrap"
                    : "text-sm break-words whitespace-pre-wrap text-muted-foreground line-through"
                }
              >
                {o.text}
              </p>
              {props.canEdit && o.retractedAt === null ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="shrink-0"
                  loading={retract.isPending && retract.variables?.observationId === o.id}
                  onClick={() => retract.mutate({ orgId: props.orgId, observationId: o.id })}
                >
                  Retract
                </Button>
              ) : null}
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {o.retractedAt ? <Badge variant="destructive">Retracted</Badge> : null}
              {expired ? <Badge variant="warning">Expired</Badge> : null}
              {o.expiresAt && !expired ? (
                <Badge variant="outline">
                  Until {o.expiresAt.toLocaleDateString("en-US", { dateStyle: "medium" })}
                </Badge>
              ) : null}
              <ProvenanceLine provenance={o.provenance} confidence={o.confidence} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
