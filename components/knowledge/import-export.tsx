"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Download, Upload } from "lucide-react";
import { useState } from "react";
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
import { toast } from "@/components/ui/toaster";
import { ZKnowledgeDocumentSchema, type KnowledgeDocument } from "@/server/services/knowledge/knowledge-document.types";
import { useRefreshKnowledge } from "./use-refresh-knowledge";

/** Downloads what the member sees of the graph as one JSON file. */
export function ExportButton({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="outline"
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const document = await queryClient.fetchQuery({
            ...trpc.knowledge.export.queryOptions({ orgId }),
            staleTime: 0,
          });
          const blob = new Blob([JSON.stringify(document, null, 2)], { type: "application/json" });
          const url = URL.createObjectURL(blob);
          const link = Object.assign(window.document.createElement("a"), {
            href: url,
            download: `knowledge-${new Date().toISOString().slice(0, 10)}.json`,
          });
          link.click();
          URL.revokeObjectURL(url);
        } catch (error) {
          toast.error(error instanceof Error ? error.message : "The export failed.");
        } finally {
          setBusy(false);
        }
      }}
    >
      <Download aria-hidden />
      Export
    </Button>
  );
}

/**
 * Imports a knowledge JSON file (an export of this or another org). The file
 * is checked here first (its shape and size, with the first problem named),
 * then the server checks it whole again and writes it in one go. Importing
 * the same file twice changes nothing the second time.
 */
export function ImportDialog({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshKnowledge();
  const [open, setOpen] = useState(false);
  const [doc, setDoc] = useState<KnowledgeDocument | null>(null);
  const [raw, setRaw] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const importing = useMutation(
    trpc.knowledge.import.mutationOptions({
      onSuccess: (c) => {
        toast.success(
          `Imported: ${c.entitiesCreated} new entities, ${c.entitiesUpdated} updated, ` +
            `${c.observationsAdded} facts and ` +
            `${c.relationsAdded} relations added.`,
        );
        refresh();
        setOpen(false);
      },
    }),
  );
  const facts = doc?.entities.reduce((n, e) => n + e.observations.length, 0) ?? 0;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          importing.reset();
          setDoc(null);
          setRaw(null);
          setProblem(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline">
          <Upload aria-hidden />
          Import
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="import-dialog">
        <DialogHeader>
          <DialogTitle>Import knowledge</DialogTitle>
          <DialogDescription>
            A JSON file exported from Bureau. Entities already here (same name and type) are reused; facts already
            recorded are not repeated.
          </DialogDescription>
        </DialogHeader>
        <Field label="File" error={problem ?? undefined}>
          <Input
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              setDoc(null);
              setProblem(null);
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.size > 900_000) return setProblem("This file is over 900 KB; split it into smaller files.");
              let json: unknown;
              try {
                json = JSON.parse(await file.text());
              } catch {
                return setProblem("This file is not JSON.");
              }
              const parsed = ZKnowledgeDocumentSchema.safeParse(json);
              if (!parsed.success) {
                const issue = parsed.error.issues[0];
                return setProblem(
                  (issue?.message ?? "Not a knowledge export.") +
                    (issue?.path.length ? ` (at ${issue.path.join(".")})` : ""),
                );
              }
              setRaw(json);
              setDoc(parsed.data);
            }}
          />
        </Field>
        {doc ? (
          <p className="text-sm" data-testid="import-preview">
            {doc.entities.length} entities, {facts} facts and {doc.relations.length} relations.
          </p>
        ) : null}
        {importing.error ? (
          <p role="alert" className="text-sm font-medium text-destructive">
            {importing.error.message}
          </p>
        ) : null}
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="outline">
              Cancel
            </Button>
          </DialogClose>
          <Button
            disabled={!doc}
            loading={importing.isPending}
            onClick={() => importing.mutate({ orgId, document: raw })}
          >
            Import
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
