"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { authClient, authErrorMessage } from "./auth-client";

const ZResetPasswordSchema = z
  .object({
    password: z.string().min(8, "Use at least 8 characters.").max(128, "Use at most 128 characters."),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ.", path: ["confirm"] });

/** Sets a new password with the token from the emailed link, then asks to sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZResetPasswordSchema), defaultValues: { password: "", confirm: "" } });
  const onSubmit = form.handleSubmit(async ({ password }) => {
    setError(null);
    const { error: resetError } = await authClient.resetPassword({ newPassword: password, token });
    if (resetError) {
      setError(
        resetError.code === "INVALID_TOKEN"
          ? "This link has expired or was already used. Ask for a new one."
          : authErrorMessage(resetError, "Could not change the password."),
      );
      return;
    }
    router.push("/sign-in?reset=done");
  });
  return (
    // method="post": a submit before hydration must never put the password in the URL (and so in logs).
    <form onSubmit={onSubmit} method="post" className="space-y-4" noValidate>
      {error ? (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      ) : null}
      <Field label="New password" description="At least 8 characters." error={form.formState.errors.password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("password")} />
      </Field>
      <Field label="Repeat the new password" error={form.formState.errors.confirm?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm")} />
      </Field>
      <Button type="submit" className="w-full" loading={form.formState.isSubmitting}>
        Change password
      </Button>
    </form>
  );
}
