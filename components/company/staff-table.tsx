"use client";

import { useMutation } from "@tanstack/react-query";
import { CirclePause, CirclePlay, CircleStop, FolderInput, MoreHorizontal, Pencil, UserPlus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { creditCount, formatCredits } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { PositionStatusBadge } from "./company-format";
import type { ChartDepartment, ChartPosition, DepartmentDetail } from "./company-types";
import { HireDialog } from "./hire-dialog";
import { EditPositionDialog, EndPositionDialog, MovePositionDialog, type PositionDialog } from "./position-dialogs";
import { useRefreshCompany } from "./use-refresh-company";

const ceiling = (p: ChartPosition) =>
  p.perTaskCeilingCredits === null ? "none" : formatCredits(p.perTaskCeilingCredits);
const delegation = (p: ChartPosition) =>
  p.delegationBudgetCredits === null
    ? `${formatCredits(5 * p.agent.priceCredits)} (5×)`
    : formatCredits(p.delegationBudgetCredits);

/** Who holds the position: its title, the agent (to its page) and its standing instructions. */
function PositionIdentity({ position: p, manager }: { position: ChartPosition; manager: boolean }) {
  return (
    <div className="flex min-w-0 items-center gap-2.5">
      <Avatar name={p.agent.name} src={p.agent.iconUrl} shape="square" size="sm" />
      <div className="min-w-0">
        <p className="flex items-center gap-1.5 truncate font-medium">
          {p.title}
          {manager ? <Badge variant="secondary">Manager</Badge> : null}
        </p>
        <Link href={`/agents/${p.agent.slug}`} className="block truncate text-xs text-muted-foreground hover:underline">
          {p.agent.name}
        </Link>
        {p.instructions ? (
          <p className="truncate text-xs text-muted-foreground italic" title={p.instructions}>
            “{p.instructions}”
          </p>
        ) : null}
      </div>
    </div>
  );
}

function PositionActions(props: { position: ChartPosition; onOpen: (dialog: PositionDialog) => void }) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const refresh = useRefreshCompany();
  const done = (message: string) => ({
    onSuccess: () => {
      toast.success(message);
      refresh();
    },
    onError: (e: { message: string }) => toast.error(e.message),
  });
  const pause = useMutation(trpc.company.pausePosition.mutationOptions(done(`${props.position.title} paused.`)));
  const resume = useMutation(trpc.company.resumePosition.mutationOptions(done(`${props.position.title} resumed.`)));
  const { position } = props;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon"
          aria-label={`Actions for ${position.title}`}
          loading={pause.isPending || resume.isPending}
        >
          <MoreHorizontal />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuItem onSelect={() => props.onOpen("edit")}>
          <Pencil aria-hidden />
          Edit title and instructions
        </DropdownMenuItem>
        {position.status === "ACTIVE" ? (
          <DropdownMenuItem onSelect={() => pause.mutate({ orgId: org.id, id: position.id })}>
            <CirclePause aria-hidden />
            Pause
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={() => resume.mutate({ orgId: org.id, id: position.id })}>
            <CirclePlay aria-hidden />
            Resume
          </DropdownMenuItem>
        )}
        <DropdownMenuItem onSelect={() => props.onOpen("move")}>
          <FolderInput aria-hidden />
          Move to another department
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem destructive onSelect={() => props.onOpen("end")}>
          <CircleStop aria-hidden />
          End position
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/**
 * The department's positions: who does the work, at what price, within
 * which ceiling, with which standing instructions. Admins pause, resume,
 * move, edit or end them.
 */
export function StaffTable(props: {
  department: DepartmentDetail;
  departments: ChartDepartment[];
  canManage: boolean;
}) {
  const { department } = props;
  const { org } = useOrg();
  const [open, setOpen] = useState<{ dialog: PositionDialog; position: ChartPosition } | null>(null);
  const [hiring, setHiring] = useState(false);
  // The active first (the server sends active and paused positions; ended ones are history).
  const positions = [...department.positions].sort(
    (a, b) => Number(a.status !== "ACTIVE") - Number(b.status !== "ACTIVE"),
  );
  const archived = department.archivedAt !== null;
  const canHire = !archived && org.role !== "viewer";
  const close = () => setOpen(null);

  return (
    <Card className="min-w-0">
      <CardHeader>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle>Staff</CardTitle>
          {canHire && positions.length ? (
            <Button variant="outline" size="sm" onClick={() => setHiring(true)}>
              <UserPlus aria-hidden />
              Hire
            </Button>
          ) : null}
        </div>
        <CardDescription>
          Agents hired into this department. Hiring is free; each task is billed at its price.
        </CardDescription>
      </CardHeader>
      <CardContent className="min-w-0">
        {positions.length === 0 ? (
          <EmptyState
            icon={<UserPlus />}
            title="No staff yet"
            description="Hire agents from the marketplace. The manager routes this department's requests to them."
            action={
              canHire ? (
                <Button onClick={() => setHiring(true)}>
                  <UserPlus aria-hidden />
                  Hire from marketplace
                </Button>
              ) : null
            }
          />
        ) : (
          <>
            <Table data-testid="staff-table" containerClassName="hidden sm:block">
              <TableHeader>
                <TableRow>
                  <TableHead>Position</TableHead>
                  <TableHead className="text-right">Price</TableHead>
                  <TableHead className="text-right">Ceiling</TableHead>
                  <TableHead className="text-right">Delegation</TableHead>
                  <TableHead>Status</TableHead>
                  {props.canManage ? (
                    <TableHead className="w-10">
                      <span className="sr-only">Actions</span>
                    </TableHead>
                  ) : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {positions.map((p) => (
                  <TableRow key={p.id} data-testid="staff-row">
                    <TableCell className="max-w-72">
                      <PositionIdentity position={p} manager={department.managerPositionId === p.id} />
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{formatCredits(p.agent.priceCredits)}</TableCell>
                    <TableCell className="text-right tabular-nums text-muted-foreground">{ceiling(p)}</TableCell>
                    <TableCell className="text-right tabular-nums text-muted-foreground">{delegation(p)}</TableCell>
                    <TableCell>
                      <PositionStatusBadge status={p.status} showActive />
                    </TableCell>
                    {props.canManage ? (
                      <TableCell>
                        <PositionActions position={p} onOpen={(dialog) => setOpen({ dialog, position: p })} />
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {/* A phone gets the same facts stacked, instead of a table scrolling sideways. */}
            <ul className="divide-y divide-border sm:hidden" data-testid="staff-list">
              {positions.map((p) => (
                <li key={p.id} className="flex items-start gap-2 py-3">
                  <div className="min-w-0 flex-1 space-y-1.5">
                    <PositionIdentity position={p} manager={department.managerPositionId === p.id} />
                    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
                      <PositionStatusBadge status={p.status} showActive />
                      <span>{creditCount(p.agent.priceCredits)} a task</span>
                      <span>Ceiling {ceiling(p)}</span>
                      <span>Delegation {delegation(p)}</span>
                    </p>
                  </div>
                  {props.canManage ? (
                    <PositionActions position={p} onOpen={(dialog) => setOpen({ dialog, position: p })} />
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </CardContent>
      {open?.dialog === "edit" ? <EditPositionDialog position={open.position} onClose={close} /> : null}
      {open?.dialog === "move" ? (
        <MovePositionDialog
          position={open.position}
          onClose={close}
          departments={props.departments}
          from={department.id}
        />
      ) : null}
      {open?.dialog === "end" ? <EndPositionDialog position={open.position} onClose={close} /> : null}
      <HireDialog open={hiring} onOpenChange={setHiring} departmentId={department.id} />
    </Card>
  );
}
