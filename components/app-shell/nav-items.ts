import type { ComponentType } from "react";
import {
  Banknote,
  BookOpen,
  Building2,
  Coins,
  HandCoins,
  KeyRound,
  LayoutDashboard,
  MonitorDot,
  ListChecks,
  ShieldCheck,
  Store,
  Tag,
  Stamp,
  Users,
  Plug,
  PlugZap,
  Webhook,
  Workflow,
  type LucideIcon,
} from "lucide-react";
import { PendingApprovalsBadge } from "@/components/approvals/pending-approvals-badge";

export interface NavItem {
  href: string;
  label: string;
  icon: LucideIcon;
  /** Shown only to platform administrators (user.isPlatformAdmin). */
  platformAdminOnly?: boolean;
  /** A small count after the label (what waits for the member). */
  badge?: ComponentType;
}

/** The signed-in navigation. Add a page here when it exists, never before. */
export const NAV_ITEMS: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: LayoutDashboard },
  { href: "/console", label: "Console", icon: MonitorDot },
  { href: "/company", label: "Company", icon: Building2 },
  { href: "/marketplace", label: "Marketplace", icon: Store },
  { href: "/tasks", label: "Runs", icon: ListChecks },
  { href: "/workflows", label: "Workflows", icon: Workflow },
  { href: "/knowledge", label: "Knowledge", icon: BookOpen },
  { href: "/approvals", label: "Approvals", icon: Stamp, badge: PendingApprovalsBadge },
  { href: "/credits", label: "Credits", icon: Coins },
  { href: "/sell", label: "Sell", icon: Tag },
  { href: "/sell/payouts", label: "Payouts", icon: Banknote },
  { href: "/admin/review", label: "Admin review", icon: ShieldCheck, platformAdminOnly: true },
  { href: "/admin/revenue", label: "Revenue", icon: HandCoins, platformAdminOnly: true },
  { href: "/settings/members", label: "Members", icon: Users },
  { href: "/settings/api-keys", label: "API keys", icon: KeyRound },
  { href: "/settings/webhooks", label: "Webhooks", icon: Webhook },
  { href: "/settings/mcp", label: "MCP", icon: Plug },
  { href: "/settings/connected-apps", label: "Connected apps", icon: PlugZap },
];
