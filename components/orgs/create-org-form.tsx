"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { authClient, authErrorMessage } from "@/components/auth/auth-client";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const ZCreateOrgSchema = z.object({ name: z.string().trim().min(2, "Use at least 2 characters.").max(64) });

/** A URL-safe slug with a short random tail, so two "Acme"s never collide. */
function slugFor(name: string): string {
  const base =
    name
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 40) || "org";
  return `${base}-${crypto.randomUUID().slice(0, 6)}`;
}

export function CreateOrgForm({ next = "/dashboard" }: { next?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZCreateOrgSchema), defaultValues: { name: "" } });

  const onSubmit = form.handleSubmit(async ({ name }) => {
    setError(null);
    const { data, error: createError } = await authClient.organization.create({ name, slug: slugFor(name) });
    if (createError || !data) {
      setError(authErrorMessage(createError, "Could not create the organization."));
      return;
    }
    await authClient.organization.setActive({ organizationId: data.id });
    router.push(next);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="Organization name" error={form.formState.errors.name?.message}>
        <Input placeholder="Acme Corp" autoComplete="organization" {...form.register("name")} />
      </Field>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Create organization
      </Button>
    </form>
  );
}
