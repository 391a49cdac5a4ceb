"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { useOrg } from "@/components/providers/org-context";
import { cn } from "@/components/ui/cn";
import { NAV_ITEMS } from "./nav-items";
import { OrgSwitcher } from "./org-switcher";
import { UserMenu } from "./user-menu";

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const { user } = useOrg();
  const navItems = NAV_ITEMS.filter((item) => !item.platformAdminOnly || user.isPlatformAdmin);
  return (
    <div className="flex min-h-screen">
      {/* Sticky and one screen tall, so the account menu (theme, sign out) stays in view on long pages. */}
      <aside className="sticky top-0 hidden h-screen w-60 shrink-0 flex-col border-r border-border bg-muted/40 md:flex">
        <div className="flex h-14 items-center justify-between gap-2 border-b border-border px-4">
          <Link href="/dashboard" className="flex items-center gap-2 font-semibold tracking-tight">
            <span className="grid size-7 place-items-center rounded-md bg-primary text-sm text-primary-foreground">
              B
            </span>
            Bureau
          </Link>
          <NotificationBell />
        </div>
        <div className="p-3">
          <OrgSwitcher />
        </div>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-0.5 overflow-y-auto px-3">
          {navItems.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <Link
                key={item.href}
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm text-muted-foreground transition-colors",
                  "hover:bg-accent hover:text-accent-foreground",
                  active && "bg-accent font-medium text-accent-foreground",
                )}
              >
                <item.icon className="size-4" aria-hidden />
                {item.label}
                {item.badge ? <item.badge /> : null}
              </Link>
            );
          })}
        </nav>
        <div className="border-t border-border p-3">
          <UserMenu />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-3 border-b border-border px-4 md:hidden">
          <span className="font-semibold">Bureau</span>
          <div className="flex items-center gap-2">
            <NotificationBell />
            <OrgSwitcher compact />
            <UserMenu compact />
          </div>
        </header>
        <nav aria-label="Sections" className="flex gap-1 overflow-x-auto border-b border-border px-3 py-2 md:hidden">
          {navItems.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="flex shrink-0 items-center gap-1.5 rounded-md px-2.5 py-1 text-sm hover:bg-accent"
            >
              {item.label}
              {item.badge ? <item.badge /> : null}
            </Link>
          ))}
        </nav>
        <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 md:px-8">{children}</main>
      </div>
    </div>
  );
}
