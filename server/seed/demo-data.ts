import "server-only";
import type { OrgRole } from "../auth/roles";

/** Every demo user signs in with this password (local demo only). */
export const DEMO_PASSWORD = "bureau-demo";

export interface DemoUser {
  email: string;
  name: string;
  org: string;
  role: OrgRole;
  platformAdmin?: boolean;
}

export const DEMO_ORGS = {
  acme: { slug: "acme", name: "Acme Corp", startingCredits: 25_000 },
  northwind: { slug: "northwind", name: "Northwind Labs", startingCredits: 0 },
  bureau: { slug: "bureau-hq", name: "Bureau HQ", startingCredits: 0 },
} as const;

export const DEMO_USERS: DemoUser[] = [
  { email: "owner@acme.test", name: "Olivia Owner", org: "acme", role: "owner" },
  { email: "admin@acme.test", name: "Adam Admin", org: "acme", role: "admin" },
  { email: "member@acme.test", name: "Maya Member", org: "acme", role: "member" },
  { email: "viewer@acme.test", name: "Victor Viewer", org: "acme", role: "viewer" },
  { email: "seller@northwind.test", name: "Sam Seller", org: "northwind", role: "owner" },
  { email: "admin@bureau.test", name: "Pat Platform", org: "bureau-hq", role: "owner", platformAdmin: true },
];
