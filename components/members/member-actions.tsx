"use client";

import { useMutation } from "@tanstack/react-query";
import { LogOut, UserMinus } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
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
import { NativeSelect } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import type { OrgRole } from "@/server/auth/roles";

export const ROLE_LABEL: Record<OrgRole, string> = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
};

/** Role picker for one member; the server decides for real (and refuses the last owner's demotion). */
export function RoleSelect(props: {
  orgId: string;
  memberId: string;
  name: string;
  role: OrgRole;
  choices: OrgRole[];
  onChanged: () => void;
}) {
  const trpc = useTRPC();
  const change = useMutation(
    trpc.orgs.changeMemberRole.mutationOptions({
      onSuccess: ({ changed, role }) => {
        if (changed) toast.success(`${props.name} is now ${ROLE_LABEL[role].toLowerCase()}.`);
        props.onChanged();
      },
      onError: (error) => {
        toast.error(error.message);
        props.onChanged();
      },
    }),
  );
  return (
    <NativeSelect
      aria-label={`Role of ${props.name}`}
      containerClassName="w-32"
      value={change.isPending ? (change.variables?.role ?? props.role) : props.role}
      disabled={change.isPending}
      onChange={(e) => change.mutate({ orgId: props.orgId, memberId: props.memberId, role: e.target.value as OrgRole })}
    >
      {props.choices.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABEL[role]}
        </option>
      ))}
    </NativeSelect>
  );
}

function ConfirmDialog(props: {
  trigger: React.ReactNode;
  title: string;
  description: string;
  confirm: string;
  pending: boolean;
  onConfirm: (close: () => void) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{props.trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogDescription>{props.description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button variant="destructive" loading={props.pending} onClick={() => props.onConfirm(() => setOpen(false))}>
            {props.confirm}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function RemoveMemberButton(props: { orgId: string; memberId: string; name: string; onRemoved: () => void }) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.orgs.removeMember.mutationOptions());
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="ghost" aria-label={`Remove ${props.name}`}>
          <UserMinus aria-hidden /> Remove
        </Button>
      }
      title={`Remove ${props.name}?`}
      description="They lose access to this organization at once. Their past runs and activity stay."
      confirm="Remove"
      pending={remove.isPending}
      onConfirm={(close) =>
        remove.mutate(
          { orgId: props.orgId, memberId: props.memberId },
          {
            onSuccess: () => {
              toast.success(`${props.name} was removed.`);
              close();
              props.onRemoved();
            },
            onError: (error) => toast.error(error.message),
          },
        )
      }
    />
  );
}

export function LeaveOrgButton({ orgId, orgName }: { orgId: string; orgName: string }) {
  const trpc = useTRPC();
  const leave = useMutation(trpc.orgs.leave.mutationOptions());
  return (
    <ConfirmDialog
      trigger={
        <Button size="sm" variant="outline">
          <LogOut aria-hidden /> Leave
        </Button>
      }
      title={`Leave ${orgName}?`}
      description="You lose access at once; an owner or admin can invite you back."
      confirm="Leave organization"
      pending={leave.isPending}
      onConfirm={(close) =>
        leave.mutate(
          { orgId },
          {
            // A full load: the signed-in layout picks the next org (or onboarding) on the server.
            onSuccess: () => window.location.assign("/dashboard"),
            onError: (error) => {
              toast.error(error.message);
              close();
            },
          },
        )
      }
    />
  );
}
