"use client";

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, CheckCheck, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toaster";
import { NotificationItem } from "./notification-item";

const PAGE = 10;
const BADGE = cn(
  "absolute top-1 right-1 grid h-4 min-w-4 place-items-center rounded-full bg-destructive px-1",
  "text-[10px] leading-none font-semibold text-destructive-foreground",
);
const badgeText = (count: number) => (count > 9 ? "9+" : String(count));

/** The app shell's bell: unread count, the latest notifications, and "mark all read". */
export function NotificationBell() {
  const { org } = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const unread = useQuery({
    ...trpc.notifications.unreadCount.queryOptions({ orgId: org.id }),
    refetchInterval: 60_000,
  });
  const list = useInfiniteQuery({
    ...trpc.notifications.list.infiniteQueryOptions(
      { orgId: org.id, limit: PAGE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    enabled: open,
  });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSettled: () => void queryClient.invalidateQueries(trpc.notifications.pathFilter()),
      onError: (error) => toast.error(error.message),
    }),
  );
  const count = unread.data?.count ?? 0;
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const openItem = (id: string) => {
    if (items.find((n) => n.id === id)?.readAt === null) markRead.mutate({ orgId: org.id, ids: [id] });
  };

  return (
    <DropdownMenu open={open} onOpenChange={setOpen}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          className="relative"
          aria-label={count > 0 ? `Notifications, ${count} unread` : "Notifications"}
        >
          <Bell className="size-4" aria-hidden />
          {count > 0 ? (
            <span aria-hidden className={BADGE}>
              {badgeText(count)}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" collisionPadding={8} className="w-[min(24rem,calc(100vw-1rem))] p-0">
        <div className="flex items-center justify-between gap-2 px-3 py-2">
          <DropdownMenuLabel className="p-0 text-sm font-semibold text-foreground">Notifications</DropdownMenuLabel>
          <DropdownMenuItem
            className="h-7 px-2 text-xs"
            disabled={count === 0 || markRead.isPending}
            onSelect={(event) => {
              event.preventDefault();
              markRead.mutate({ orgId: org.id, all: true });
            }}
          >
            <CheckCheck aria-hidden /> Mark all read
          </DropdownMenuItem>
        </div>
        <DropdownMenuSeparator className="mx-0 my-0" />
        <div className="max-h-[min(28rem,70vh)] overflow-y-auto p-1">
          {list.isPending ? (
            <div className="space-y-3 p-2" aria-label="Loading notifications">
              {[0, 1, 2].map((i) => (
                <div key={i} className="space-y-1.5">
                  <Skeleton className="h-3.5 w-2/3" />
                  <Skeleton className="h-3 w-full" />
                </div>
              ))}
            </div>
          ) : list.error ? (
            <div role="alert" className="flex flex-col items-start gap-2 p-3 text-sm">
              <span className="flex items-center gap-2 font-medium text-destructive">
                <TriangleAlert className="size-4" aria-hidden /> Could not load notifications
              </span>
              <span className="text-xs text-muted-foreground">{list.error.message}</span>
              <DropdownMenuItem
                className="border border-input px-3 text-xs"
                onSelect={(event) => {
                  event.preventDefault();
                  void list.refetch();
                }}
              >
                Try again
              </DropdownMenuItem>
            </div>
          ) : items.length === 0 ? (
            <div className="flex flex-col items-center gap-1 px-4 py-8 text-center">
              <Bell className="size-5 text-muted-foreground" aria-hidden />
              <p className="text-sm font-medium">No notifications yet</p>
              <p className="text-xs text-muted-foreground">
                Owners and admins are told here when a budget reaches 80%.
              </p>
            </div>
          ) : (
            <>
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} onOpen={openItem} />
              ))}
              {list.hasNextPage ? (
                <DropdownMenuItem
                  className="justify-center text-xs text-muted-foreground"
                  disabled={list.isFetchingNextPage}
                  onSelect={(event) => {
                    event.preventDefault();
                    void list.fetchNextPage();
                  }}
                >
                  {list.isFetchingNextPage ? "Loading…" : "Show older"}
                </DropdownMenuItem>
              ) : null}
            </>
          )}
        </div>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
