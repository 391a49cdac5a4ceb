"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { creditCount } from "@/components/format";
import { useDebounced } from "@/components/marketplace/use-debounced";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { ZGrantCreditsRequestSchema } from "@/server/trpc/routers/platform/grant-credits.types";

type FieldErrors = Partial<Record<"orgId" | "amount" | "reason", string>>;

/** Grant credits to any organization. Each grant is audited with the admin as actor. */
export function GrantCreditsForm({ onGranted }: { onGranted: () => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [orgId, setOrgId] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  // One id per intended grant: a double click or a retried request grants once.
  const [requestId, setRequestId] = useState(() => crypto.randomUUID());
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const orgs = useQuery(trpc.platform.searchOrgs.queryOptions({ query: useDebounced(search) }));
  const grant = useMutation(
    trpc.platform.grantCredits.mutationOptions({
      onSuccess: (result, variables) => {
        toast.success(
          result.granted
            ? `Granted ${creditCount(variables.amount)} to ${result.orgName}.`
            : "That grant was already made.",
        );
        setAmount("");
        setReason("");
        setRequestId(crypto.randomUUID());
        onGranted();
      },
    }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The procedure's own schema, checked here first for field-level messages.
    const parsed = ZGrantCreditsRequestSchema.safeParse({
      orgId,
      amount: /^\d+$/.test(amount.trim()) ? Number(amount) : Number.NaN,
      reason,
      requestId,
    });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "orgId" || field === "amount" || field === "reason") && !errors[field])
          errors[field] = issue.message;
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    grant.mutate(parsed.data);
  };

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {grant.error ? (
        <Alert variant="destructive">
          <AlertDescription>{grant.error.message}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Find organization" description="Name or slug">
          <Input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="acme" />
        </Field>
        <Field label="Organization" error={fieldErrors.orgId}>
          <NativeSelect value={orgId} onChange={(e) => setOrgId(e.target.value)}>
            <option value="">{orgs.isPending ? "Loading…" : orgs.data?.length ? "Choose…" : "No match"}</option>
            {orgs.data?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} ({o.slug}) · {creditCount(o.balance)}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Credits" error={fieldErrors.amount}>
          <Input inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="5000" />
        </Field>
        <Field label="Reason" error={fieldErrors.reason} description="Recorded in the organization's audit log">
          <Input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Pilot credits"
            maxLength={200}
          />
        </Field>
      </div>
      <Button type="submit" loading={grant.isPending}>
        Grant credits
      </Button>
    </form>
  );
}
