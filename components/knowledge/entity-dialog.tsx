"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
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
import {
  ENTITY_NAME_MAX_LENGTH,
  ENTITY_TYPE_MAX_LENGTH,
  OBSERVATION_MAX_LENGTH,
  SUMMARY_MAX_LENGTH,
} from "@/server/services/knowledge/knowledge-limits.types";
import type { EntityDetail } from "./knowledge-types";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

const splitAliases = (text: string) =>
  text
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);

/** The scopes the member may write into, as options ("" is org-wide). */
export function ScopeOptions({ orgId, includeOrg = true }: { orgId: string; includeOrg?: boolean }) {
  const trpc = useTRPC();
  const scopes = useQuery(trpc.knowledge.scopes.queryOptions({ orgId }));
  return (
    <>
      {includeOrg ? <option value="">The whole organization</option> : null}
      {(scopes.data?.departments ?? [])
        .filter((d) => d.canWrite && !d.archived)
        .map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} only
          </option>
        ))}
    </>
  );
}

/**
 * Creates an entity (with its first fact) or edits one: name, type, aliases,
 * summary and who sees it. A refusal (a name taken, a scope out of reach)
 * stays in the dialog in the server's words.
 */
export function EntityDialog(props: { orgId: string; entity?: EntityDetail; trigger: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const refresh = useRefreshKnowledge();
  const editing = props.entity;
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [type, setType] = useState("");
  const [aliases, setAliases] = useState("");
  const [summary, setSummary] = useState("");
  const [scope, setScope] = useState("");
  const [fact, setFact] = useState("");
  const done = () => {
    refresh();
    setOpen(false);
  };
  const create = useMutation(
    trpc.knowledge.createEntity.mutationOptions({
      onSuccess: ({ id }) => {
        toast.success(`${name.trim()} is in the knowledge graph.`);
        done();
        router.push(`/knowledge/${id}`);
      },
    }),
  );
  const update = useMutation(
    trpc.knowledge.updateEntity.mutationOptions({
      onSuccess: ({ changed }) => {
        toast.success(changed.length ? "Saved." : "Nothing changed.");
        done();
      },
    }),
  );
  const mutation = editing ? update : create;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) return;
        create.reset();
        update.reset();
        setName(editing?.name ?? "");
        setType(editing?.type ?? "");
        setAliases(editing?.aliases.join(", ") ?? "");
        setSummary(editing?.summary ?? "");
        setScope(editing?.department?.id ?? "");
        setFact("");
      }}
    >
      <DialogTrigger asChild>{props.trigger}</DialogTrigger>
      <DialogContent data-testid="entity-dialog">
        <DialogHeader>
          <DialogTitle>{editing ? `Edit ${editing.name}` : "New entity"}</DialogTitle>
          <DialogDescription>
            A customer, a person, a product, a policy: anything the company knows facts about. Its name is unique for
            its type.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const fields = {
              orgId: props.orgId,
              name: name.trim(),
              type: type.trim(),
              aliases: splitAliases(aliases),
              summary: summary.trim(),
              departmentId: scope || null,
            };
            if (editing) update.mutate({ ...fields, id: editing.id });
            else create.mutate({ ...fields, observations: fact.trim() ? [{ text: fact.trim() }] : [] });
          }}
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" required>
              <Input
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={ENTITY_NAME_MAX_LENGTH}
                autoFocus
              />
            </Field>
            <Field label="Type" required description="customer, person, product…">
              <Input
                value={type}
                onChange={(e) => setType(e.target.value)}
                maxLength={ENTITY_TYPE_MAX_LENGTH}
                list="knowledge-types"
              />
            </Field>
          </div>
          <Field label="Also known as" description="Other names, separated by commas.">
            <Input value={aliases} onChange={(e) => setAliases(e.target.value)} />
          </Field>
          <Field label="Summary">
            <Textarea
              rows={2}
              value={summary}
              maxLength={SUMMARY_MAX_LENGTH}
              onChange={(e) => setSummary(e.target.value)}
            />
          </Field>
          <Field
            label="Who sees it"
            description="A department's entity is seen by owners, admins, its leads and its tasks only."
          >
            <NativeSelect value={scope} onChange={(e) => setScope(e.target.value)}>
              <ScopeOptions orgId={props.orgId} />
            </NativeSelect>
          </Field>
          {editing ? null : (
            <Field label="First fact" description="Optional: an observation to record with it.">
              <Textarea
                rows={2}
                value={fact}
                maxLength={OBSERVATION_MAX_LENGTH}
                onChange={(e) => setFact(e.target.value)}
              />
            </Field>
          )}
          {mutation.error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {mutation.error.message}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={mutation.isPending} disabled={!name.trim() || !type.trim()}>
              {editing ? "Save" : "Create"}
            </Button>
          </DialogFooter>
        </form>
        <datalist id="knowledge-types">
          {["customer", "person", "product", "supplier", "project", "policy", "process", "decision"].map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </DialogContent>
    </Dialog>
  );
}
