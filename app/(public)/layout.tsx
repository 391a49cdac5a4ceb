import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { PublicShell } from "@/components/marketplace/public-shell";
import { OrgProvider } from "@/components/providers/org-context";
import { getOrgSession } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/**
 * Pages anyone may read (the marketplace and agent pages): inside the app's
 * shell for a member of an organization, with a public header otherwise.
 */
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const context = await getOrgSession();
  if (context?.org) {
    const { user, org, orgs } = context;
    return (
      <OrgProvider value={{ user, org, orgs }}>
        <AppShell>{children}</AppShell>
      </OrgProvider>
    );
  }
  return <PublicShell signedIn={Boolean(context)}>{children}</PublicShell>;
}
