import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { OrgProvider } from "@/components/providers/org-context";
import { requireOrgSession } from "@/server/auth/session";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const context = await requireOrgSession();
  return (
    <OrgProvider value={context}>
      <AppShell>{children}</AppShell>
    </OrgProvider>
  );
}
