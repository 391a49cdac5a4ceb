"use client";

import Link from "next/link";
import { formatDateTime, formatRelative } from "@/components/format";
import { DropdownMenuItem } from "@/components/ui/dropdown-menu";
import { cn } from "@/components/ui/cn";

export interface NotificationView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** One row of the bell's list; opening it marks it read and follows its link. */
export function NotificationItem({ item, onOpen }: { item: NotificationView; onOpen: (id: string) => void }) {
  const unread = item.readAt === null;
  const content = (
    <span className="flex min-w-0 flex-1 gap-2.5">
      <span
        aria-hidden
        className={cn("mt-1.5 size-2 shrink-0 rounded-full", unread ? "bg-primary" : "bg-transparent")}
      />
      <span className="min-w-0 flex-1 space-y-0.5">
        <span className={cn("block text-sm leading-snug break-words", unread && "font-semibold")}>
          {item.title}
          {unread ? <span className="sr-only"> (unread)</span> : null}
        </span>
        <span className="block text-xs leading-snug break-words whitespace-normal text-muted-foreground">
          {item.body}
        </span>
        <time
          dateTime={item.createdAt.toISOString()}
          title={formatDateTime(item.createdAt)}
          className="block text-xs text-muted-foreground"
        >
          {formatRelative(item.createdAt)}
        </time>
      </span>
    </span>
  );
  return (
    <DropdownMenuItem asChild={item.link !== null} className="items-start py-2" onSelect={() => onOpen(item.id)}>
      {item.link ? <Link href={item.link}>{content}</Link> : content}
    </DropdownMenuItem>
  );
}
