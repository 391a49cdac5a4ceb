"use client";

import { createContext, useContext, type ReactNode } from "react";

export interface OrgSummary {
  id: string;
  name: string;
  slug: string;
  role: string;
}

export interface OrgContextValue {
  user: { id: string; name: string; email: string; isPlatformAdmin: boolean };
  org: OrgSummary;
  orgs: OrgSummary[];
}

const OrgContext = createContext<OrgContextValue | null>(null);

/** The signed-in user and active org, resolved on the server by the app layout. */
export function OrgProvider({ value, children }: { value: OrgContextValue; children: ReactNode }) {
  return <OrgContext value={value}>{children}</OrgContext>;
}

export function useOrg(): OrgContextValue {
  const value = useContext(OrgContext);
  if (!value) throw new Error("useOrg must be used inside the signed-in app layout");
  return value;
}
