"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef } from "react";
import { useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { zNodeId, ZWorkflowNodeSchema, type WorkflowNode } from "@/server/schemas/workflow-graph";

type NodeInput = z.input<typeof ZWorkflowNodeSchema>;
/**
 * The form's values: the node schema's input, except that a schedule's run
 * input (free JSON, a recursive type) is opaque. The inspector does not
 * edit it, and react-hook-form's path types cannot walk a recursive type.
 */
type Opaque<T> = T extends { kind: "schedule" } ? Omit<T, "input"> & { input?: unknown } : T;
export type NodeFormValues = NodeInput extends infer N
  ? N extends { type: "trigger"; config: infer C }
    ? Omit<N, "config"> & { config: Opaque<C> }
    : N
  : never;
export type NodeForm = UseFormReturn<NodeFormValues>;

/** The id must be an identifier and name no other node: expressions find nodes by it. */
export function idError(id: string, current: string, taken: ReadonlySet<string>): string | null {
  const parsed = zNodeId.safeParse(id);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? "Not a valid id.";
  return id !== current && taken.has(id) ? "Another step already has this id." : null;
}

/**
 * The inspector's form over one node, validated by the graph's own schema
 * (react-hook-form + zod). Every valid change is handed on at once, with the
 * node's position and loop taken from the graph (a drag meanwhile wins); the
 * id is not, since renaming rewrites edges and references and waits for
 * blur. A change to the node from elsewhere (undo, a drag) resets the form.
 */
export function useNodeForm(node: WorkflowNode, taken: ReadonlySet<string>, onCommit: (node: WorkflowNode) => void) {
  const schema = useMemo(
    () =>
      ZWorkflowNodeSchema.superRefine((value, ctx) => {
        const message = idError(value.id, node.id, taken);
        if (message) ctx.addIssue({ code: "custom", path: ["id"], message });
      }),
    [node.id, taken],
  );
  const form = useForm<NodeFormValues>({
    // The resolver's types are the schema's own input; NodeFormValues is the same shape with the JSON left opaque.
    resolver: zodResolver(schema, undefined, { raw: true }) as unknown as Resolver<NodeFormValues>,
    defaultValues: node,
    mode: "onChange",
  });

  const committed = useRef(node);
  const latest = useRef({ node, onCommit });
  useEffect(() => {
    latest.current = { node, onCommit };
    if (node === committed.current) return;
    committed.current = node;
    form.reset(node);
  }, [form, node, onCommit]);

  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      if (name === "id") return;
      const current = latest.current.node;
      const parsed = ZWorkflowNodeSchema.safeParse({ ...values, id: current.id });
      if (!parsed.success) return;
      const next = { ...parsed.data, position: current.position, parentId: current.parentId };
      if (next.parentId === undefined) delete next.parentId;
      if (JSON.stringify(next) === JSON.stringify(current)) return;
      committed.current = next;
      latest.current.onCommit(next);
    });
    return () => subscription.unsubscribe();
  }, [form]);

  return form;
}
