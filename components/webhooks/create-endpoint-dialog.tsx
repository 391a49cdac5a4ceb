"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
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
  DialogTrigger,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import {
  WEBHOOK_DESCRIPTION_MAX_LENGTH,
  WEBHOOK_URL_MAX_LENGTH,
  ZWebhookDescriptionSchema,
  ZWebhookEventTypeSchema,
  ZWebhookUrlSchema,
} from "@/server/trpc/routers/webhooks/webhooks.types";
import { EVENT_TYPE_GROUPS } from "./event-type-groups";
import { SecretReveal } from "./secret-reveal";

/** The server's own rules, so the form never accepts what the server refuses (it still checks the URL's host). */
const ZFormSchema = z.object({
  url: ZWebhookUrlSchema,
  description: ZWebhookDescriptionSchema,
  eventTypes: z.array(ZWebhookEventTypeSchema),
});

export function CreateEndpointDialog({ orgId, onCreated }: { orgId: string; onCreated: () => void }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const create = useMutation(trpc.webhooks.create.mutationOptions());
  const form = useForm({
    resolver: zodResolver(ZFormSchema),
    defaultValues: { url: "", description: "", eventTypes: [] as z.infer<typeof ZFormSchema>["eventTypes"] },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await create.mutateAsync({ orgId, ...values }).catch(() => null);
    if (!result) return;
    setSecret(result.secret);
    onCreated();
  });

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setSecret(null);
      form.reset();
      create.reset();
    }
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Add endpoint</Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto">
        {secret ? (
          <>
            <DialogHeader>
              <DialogTitle>Endpoint added</DialogTitle>
              <DialogDescription>
                This is its signing secret. Copy it now: it will not be shown again (rotate it to get a new one).
              </DialogDescription>
            </DialogHeader>
            <SecretReveal secret={secret} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <DialogHeader>
              <DialogTitle>Add a webhook endpoint</DialogTitle>
              <DialogDescription>
                Bureau POSTs this organization&apos;s events to it, signed per Standard Webhooks.
              </DialogDescription>
            </DialogHeader>
            {create.error ? (
              <Alert variant="destructive">
                <AlertDescription>{create.error.message}</AlertDescription>
              </Alert>
            ) : null}
            <Field label="URL" error={form.formState.errors.url?.message}>
              <Input
                type="url"
                inputMode="url"
                placeholder="https://example.com/bureau/webhooks"
                maxLength={WEBHOOK_URL_MAX_LENGTH}
                {...form.register("url")}
              />
            </Field>
            <Field label="Description" error={form.formState.errors.description?.message}>
              <Input
                placeholder="Billing sync"
                maxLength={WEBHOOK_DESCRIPTION_MAX_LENGTH}
                {...form.register("description")}
              />
            </Field>
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium">Events</legend>
              <p className="text-sm text-muted-foreground">Choose none to receive every event.</p>
              {EVENT_TYPE_GROUPS.map((group) => (
                <div key={group.domain} className="space-y-1">
                  <p className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{group.label}</p>
                  <div className="grid gap-1 sm:grid-cols-2">
                    {group.types.map((type) => (
                      <label key={type} className="flex items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          value={type}
                          className="size-4 accent-primary"
                          {...form.register("eventTypes")}
                        />
                        <code className="text-xs">{type}</code>
                      </label>
                    ))}
                  </div>
                </div>
              ))}
            </fieldset>
            <DialogFooter>
              <Button type="submit" loading={create.isPending}>
                Add endpoint
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
