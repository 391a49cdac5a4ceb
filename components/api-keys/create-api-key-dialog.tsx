"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import {
  Dialog,
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
import { API_KEY_SCOPE_DESCRIPTIONS, API_KEY_SCOPES } from "@/server/auth/api-key-scopes";
import { API_KEY_NAME_MAX_LENGTH, ZApiKeyNameSchema } from "@/server/trpc/routers/api-keys/create-api-key.types";

/** The server's own name rule, so the form never accepts a name the server refuses. */
const ZFormSchema = z.object({
  name: ZApiKeyNameSchema,
  scopes: z.array(z.enum(API_KEY_SCOPES)).min(1, "Choose at least one scope."),
  expiry: z.enum(["never", "30", "90", "365"]),
});

export function CreateApiKeyDialog({ orgId, onCreated }: { orgId: string; onCreated: () => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [createdKey, setCreatedKey] = useState<string | null>(null);
  const create = useMutation(trpc.apiKeys.create.mutationOptions());
  const form = useForm({
    resolver: zodResolver(ZFormSchema),
    defaultValues: { name: "", scopes: [...API_KEY_SCOPES], expiry: "never" as const },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await create
      .mutateAsync({
        orgId,
        name: values.name,
        scopes: values.scopes,
        expiresInDays: values.expiry === "never" ? null : Number(values.expiry),
      })
      .catch(() => null);
    if (!result) return;
    setCreatedKey(result.key);
    onCreated();
  });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setCreatedKey(null);
      form.reset();
      create.reset();
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Create API key</Button>
      </DialogTrigger>
      <DialogContent>
        {createdKey ? (
          <>
            <DialogHeader>
              <DialogTitle>Your new API key</DialogTitle>
              <DialogDescription>
                Copy it now. Bureau stores only a hash, so it will not be shown again.
              </DialogDescription>
            </DialogHeader>
            <div className="flex items-center gap-2 rounded-md border border-border bg-muted p-3">
              <code className="min-w-0 flex-1 break-all font-mono text-sm" data-testid="new-api-key">
                {createdKey}
              </code>
              <CopyButton value={createdKey} label="Copy API key" />
            </div>
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <DialogHeader>
              <DialogTitle>Create an API key</DialogTitle>
              <DialogDescription>
                Programs use it as a Bearer token to call agents through Bureau as this organization.
              </DialogDescription>
            </DialogHeader>
            {create.error ? (
              <Alert variant="destructive">
                <AlertDescription>{create.error.message}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="Name" error={form.formState.errors.name?.message}>
              <Input placeholder="Production backend" maxLength={API_KEY_NAME_MAX_LENGTH} {...form.register("name")} />
            </Field>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Scopes</legend>
              {API_KEY_SCOPES.map((scope) => (
                <label key={scope} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" value={scope} className="size-4 accent-primary" {...form.register("scopes")} />
                  <code className="text-xs">{scope}</code>
                  <span className="text-muted-foreground">{API_KEY_SCOPE_DESCRIPTIONS[scope]}</span>
                </label>
              ))}
              {form.formState.errors.scopes ? (
                <p role="alert" className="text-sm text-destructive">
                  {form.formState.errors.scopes.message}
                </p>
              ) : null}
            </fieldset>
            <Field label="Expires">
              <NativeSelect {...form.register("expiry")}>
                <option value="never">Never</option>
                <option value="30">In 30 days</option>
                <option value="90">In 90 days</option>
                <option value="365">In a year</option>
              </NativeSelect>
            </Field>
            <DialogFooter>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
