"use client";

import { Check, ChevronsUpDown, Plus } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { authClient, authErrorMessage } from "@/components/auth/auth-client";
import { useOrg } from "@/components/providers/org-context";
import { Avatar } from "@/components/ui/avatar";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";

export function OrgSwitcher({ compact = false }: { compact?: boolean }) {
  const { org, orgs } = useOrg();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const switchTo = (organizationId: string) =>
    startTransition(async () => {
      const { error } = await authClient.organization.setActive({ organizationId });
      if (error) {
        toast.error(authErrorMessage(error, "Could not switch organization."));
        return;
      }
      router.push("/dashboard");
      router.refresh();
    });

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="outline"
          className={compact ? "max-w-40" : "w-full justify-between"}
          loading={pending}
          aria-label={`Organization: ${org.name}. Switch organization`}
        >
          <span className="flex min-w-0 items-center gap-2">
            <Avatar name={org.name} size="sm" shape="square" />
            <span className="truncate" data-testid="active-org-name">
              {org.name}
            </span>
          </span>
          <ChevronsUpDown className="size-4 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Organizations</DropdownMenuLabel>
        {orgs.map((o) => (
          <DropdownMenuItem key={o.id} onSelect={() => o.id !== org.id && switchTo(o.id)}>
            <Avatar name={o.name} size="sm" shape="square" />
            <span className="flex-1 truncate">{o.name}</span>
            <span className="text-xs text-muted-foreground">{o.role}</span>
            {o.id === org.id ? <Check className="size-4" aria-label="current" /> : null}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/onboarding">
            <Plus className="size-4" aria-hidden /> New organization
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
