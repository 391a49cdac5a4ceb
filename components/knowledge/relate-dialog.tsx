"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Link2 } from "lucide-react";
import { useState } from "react";
import { useDebounced } from "@/components/marketplace/use-debounced";
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
import { toast } from "@/components/ui/toaster";
import { RELATION_TYPE_MAX_LENGTH } from "@/server/services/knowledge/knowledge-limits.types";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

/**
 * Relates this entity to another (found by search among what the member
 * sees): "this --type--> that", or the other way round.
 */
export function RelateDialog(props: { orgId: string; entity: { id: string; name: string } }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [otherId, setOtherId] = useState("");
  const [type, setType] = useState("");
  const [direction, setDirection] = useState<"out" | "in">("out");
  const query = useDebounced(text.trim(), 250);
  const candidates = useQuery({
    ...trpc.knowledge.search.queryOptions({ orgId: props.orgId, query, limit: 8 }),
    enabled: open && query.length > 0,
    placeholderData: keepPreviousData,
  });
  const others = (candidates.data?.results ?? []).filter((r) => r.entity.id !== props.entity.id);
  const relate = useMutation(
    trpc.knowledge.relate.mutationOptions({
      onSuccess: ({ added }) => {
        toast.success(added ? "Related." : "They were already related that way.");
        refresh();
        setOpen(false);
      },
    }),
  );
  const otherName = others.find((r) => r.entity.id === otherId)?.entity.name ?? "…";

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          relate.reset();
          setText("");
          setOtherId("");
          setType("");
          setDirection("out");
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          <Link2 aria-hidden />
          Relate
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="relate-dialog">
        <DialogHeader>
          <DialogTitle>Relate {props.entity.name}</DialogTitle>
          <DialogDescription>A typed, directed link: “Dana works_at Acme”, “Acme uses Bureau Pro”.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const [fromId, toId] = direction === "out" ? [props.entity.id, otherId] : [otherId, props.entity.id];
            relate.mutate({ orgId: props.orgId, fromId, toId, type: type.trim() });
          }}
        >
          <Field label="Find the other entity" required>
            <Input value={text} onChange={(e) => setText(e.target.value)} placeholder="A name…" autoFocus />
          </Field>
          {others.length ? (
            <fieldset className="grid gap-1">
              <legend className="mb-1 text-sm font-medium">Pick one</legend>
              {others.map((r) => (
                <label
                  key={r.entity.id}
                  className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-accent"
                >
                  <input
                    type="radio"
                    name="other"
                    className="accent-primary"
                    checked={otherId === r.entity.id}
                    onChange={() => setOtherId(r.entity.id)}
                  />
                  <span className="min-w-0 break-words">{r.entity.name}</span>
                  <span className="text-xs text-muted-foreground">{r.entity.type}</span>
                </label>
              ))}
            </fieldset>
          ) : query && !candidates.isFetching ? (
            <p className="text-sm text-muted-foreground">Nothing found; create it first.</p>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Relation" required description="works_at, uses, owns…">
              <Input value={type} onChange={(e) => setType(e.target.value)} maxLength={RELATION_TYPE_MAX_LENGTH} />
            </Field>
            <Field label="Direction">
              <NativeSelect value={direction} onChange={(e) => setDirection(e.target.value === "in" ? "in" : "out")}>
                <option value="out">
                  {props.entity.name} → {otherName}
                </option>
                <option value="in">
                  {otherName} → {props.entity.name}
                </option>
              </NativeSelect>
            </Field>
          </div>
          {relate.error ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {relate.error.message}
            </p>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" loading={relate.isPending} disabled={!otherId || !type.trim()}>
              Relate
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
