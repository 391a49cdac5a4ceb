"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { authClient, authErrorMessage } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";

const ZInviteSchema = z.object({
  email: z.email("Enter a valid email address."),
  role: z.enum(["admin", "member", "viewer"]),
});

export function InviteMemberForm({ orgId, onInvited }: { orgId: string; onInvited: () => void }) {
  const form = useForm({ resolver: zodResolver(ZInviteSchema), defaultValues: { email: "", role: "member" as const } });
  const onSubmit = form.handleSubmit(async (values) => {
    const { error } = await authClient.organization.inviteMember({ ...values, organizationId: orgId });
    if (error) {
      form.setError("email", { message: authErrorMessage(error, "Could not send the invitation.") });
      return;
    }
    toast.success(`Invitation created for ${values.email}. Copy the link below to share it.`);
    form.reset();
    onInvited();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
      <Field label="Email" className="flex-1" error={form.formState.errors.email?.message}>
        <Input type="email" placeholder="teammate@company.com" {...form.register("email")} />
      </Field>
      <Field label="Role" className="sm:w-36">
        <NativeSelect {...form.register("role")}>
          <option value="admin">Admin</option>
          <option value="member">Member</option>
          <option value="viewer">Viewer</option>
        </NativeSelect>
      </Field>
      <Button type="submit" className="sm:mt-6" loading={form.formState.isSubmitting}>
        Invite
      </Button>
    </form>
  );
}
