"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { BookmarkPlus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useDebounced } from "@/components/marketplace/use-debounced";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import type { PartView } from "@/server/schemas/task-event-view";
import {
  ENTITY_NAME_MAX_LENGTH,
  ENTITY_TYPE_MAX_LENGTH,
  OBSERVATION_MAX_LENGTH,
} from "@/server/services/knowledge/knowledge-limits.types";
import { ScopeOptions } from "./entity-dialog";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

/** What an artifact offers as a fact (as the server reads it): its text, else its data as JSON, else its files. */
export function artifactText(parts: readonly PartView[]): string {
  const text = parts.flatMap((p) => (p.kind === "text" ? [p.text] : [])).join("\n\n");
  if (text.trim()) return text.trim();
  const data = parts.flatMap((p) => (p.kind === "data" ? [JSON.stringify(p.data, null, 2)] : [])).join("\n\n");
  if (data.trim()) return data.trim();
  return parts.flatMap((p) => (p.kind === "file" ? [p.filename ?? p.url ?? "a file"] : [])).join(", ");
}

/**
 * "Save to knowledge" on a task's artifact: the text (editable, prefilled
 * with the artifact's) becomes a fact of an existing entity or a new one;
 * its provenance is the member, the task, its agent and the artifact.
 */
export function SaveToKnowledge(props: {
  orgId: string;
  taskId: string;
  artifact: { artifactId: string; name?: string | null; parts: PartView[] };
}) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"new" | "existing">("new");
  const [name, setName] = useState("");
  const [type, setType] = useState("");
  const [scope, setScope] = useState("");
  const [find, setFind] = useState("");
  const [entityId, setEntityId] = useState("");
  const [text, setText] = useState("");
  const query = useDebounced(find.trim(), 250);
  const candidates = useQuery({
    ...trpc.knowledge.search.queryOptions({ orgId: props.orgId, query, limit: 6 }),
    enabled: open && mode === "existing" && query.length > 0,
    placeholderData: keepPreviousData,
  });
  const save = useMutation(
    trpc.knowledge.saveArtifact.mutationOptions({
      onSuccess: ({ entityId: saved }) => {
        toast.success(
          <span>
            Saved to knowledge.{" "}
            <Link href={`/knowledge/${saved}`} className="underline">
              Open it
            </Link>
          </span>,
        );
        refresh();
        setOpen(false);
      },
    }),
  );
  const tooLong = text.length > OBSERVATION_MAX_LENGTH;
  const ready = text.trim() && !tooLong && (mode === "new" ? name.trim() && type.trim() : entityId);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) return;
        save.reset();
        setMode("new");
        setName(props.artifact.name ?? "");
        setType("");
        setScope("");
        setFind("");
        setEntityId("");
        setText(artifactText(props.artifact.parts));
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" data-testid="save-to-knowledge">
          <BookmarkPlus aria-hidden />
          Save to knowledge
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="save-to-knowledge-dialog">
        <DialogHeader>
          <DialogTitle>Save to knowledge</DialogTitle>
          <DialogDescription>
            Record this result as a fact. The task, its agent and this artifact are kept as its source.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              orgId: props.orgId,
              taskId: props.taskId,
              artifactId: props.artifact.artifactId,
              target:
                mode === "new" ? { name: name.trim(), type: type.trim(), departmentId: scope || null } : { entityId },
              text: text.trim(),
            });
          }}
        >
          <Field label="About">
            <NativeSelect value={mode} onChange={(e) => setMode(e.target.value === "existing" ? "existing" : "new")}>
              <option value="new">A new entity (or the one of that name)</option>
              <option value="existing">An entity already in knowledge</option>
            </NativeSelect>
          </Field>
          {mode === "new" ? (
            <>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Name" required>
                  <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={ENTITY_NAME_MAX_LENGTH} />
                </Field>
                <Field label="Type" required description="customer, person, report…">
                  <Input value={type} onChange={(e) => setType(e.target.value)} maxLength={ENTITY_TYPE_MAX_LENGTH} />
                </Field>
              </div>
              <Field label="Who sees it">
                <NativeSelect value={scope} onChange={(e) => setScope(e.target.value)}>
                  <ScopeOptions orgId={props.orgId} />
                </NativeSelect>
              </Field>
            </>
          ) : (
            <>
              <Field label="Find it" required>
                <Input value={find} onChange={(e) => setFind(e.target.value)} placeholder="A name…" />
              </Field>
              {(candidates.data?.results ?? []).length ? (
                <fieldset className="grid gap-1">
                  <legend className="mb-1 text-sm font-medium">Pick one</legend>
                  {candidates.data!.results.map((r) => (
                    <label
                      key={r.entity.id}
                      className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-accent"
                    >
                      <input
                        type="radio"
                        name="entity"
                        className="accent-primary"
                        checked={entityId === r.entity.id}
                        onChange={() => setEntityId(r.entity.id)}
                      />
                      <span className="min-w-0 break-words">{r.entity.name}</span>
                      <span className="text-xs text-muted-foreground">{r.entity.type}</span>
                    </label>
                  ))}
                </fieldset>
              ) : null}
            </>
          )}
          <Field
            label="The fact"
            required
            error={
              tooLong
                ? `Trim it to ${OBSERVATION_MAX_LENGTH.toLocaleString("en-US")} characters; the artifact stays linked.`
                : undefined
            }
            description={
              `${text.length.toLocaleString("en-US")} / ` +
              `${OBSERVATION_MAX_LENGTH.toLocaleString("en-US")} characters`
            }
          >
            <Textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} />
          </Field>
          {save.error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {save.error.message}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={save.isPending} disabled={!ready}>
              Save
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** The button as a task page's artifact shows it: for members who may write (not viewers). */
export function ArtifactSaveButton(props: {
  taskId: string;
  artifact: { artifactId: string; name?: string | null; parts: PartView[] };
}) {
  const { org } = useOrg();
  if (org.role === "viewer") return null;
  return <SaveToKnowledge orgId={org.id} taskId={props.taskId} artifact={props.artifact} />;
}
