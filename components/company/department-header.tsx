"use client";

import { Archive, ArchiveRestore, ChevronRight, FolderInput, MoreHorizontal, Pencil, Users } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useOrg } from "@/components/providers/org-context";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { PageHeader } from "@/components/ui/page-header";
import { AskDialog } from "./ask-dialog";
import { PolicyBadge } from "./company-format";
import type { ChartDepartment, DepartmentDetail } from "./company-types";
import { LeadsLine } from "./department-card";
import {
  ArchiveDialog,
  EditDepartmentDialog,
  LeadsDialog,
  MoveDepartmentDialog,
  type DepartmentDialog,
} from "./department-dialogs";
import { HireDialog } from "./hire-dialog";

function Breadcrumb({ department }: { department: DepartmentDetail }) {
  return (
    <nav aria-label="Breadcrumb" className="flex min-w-0 flex-wrap items-center gap-1">
      <Link href="/company" className="hover:text-foreground hover:underline">
        Company
      </Link>
      {department.parent ? (
        <>
          <ChevronRight aria-hidden className="size-3.5" />
          <Link href={`/company/${department.parent.slug}`} className="truncate hover:text-foreground hover:underline">
            {department.parent.name}
          </Link>
        </>
      ) : null}
    </nav>
  );
}

/** Name, mission, leads and what one can do with the department; admins get the structure menu. */
export function DepartmentHeader(props: {
  department: DepartmentDetail;
  departments: ChartDepartment[];
  canManage: boolean;
}) {
  const { department, canManage } = props;
  const { org } = useOrg();
  const [dialog, setDialog] = useState<DepartmentDialog | null>(null);
  const [hiring, setHiring] = useState(false);
  const archived = department.archivedAt !== null;
  const close = () => setDialog(null);
  const dialogProps = { department, open: true, onClose: close };

  return (
    <div className="space-y-4">
      <PageHeader
        eyebrow={<Breadcrumb department={department} />}
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            {department.name}
            {archived ? <Badge variant="outline">Archived</Badge> : null}
            <PolicyBadge policy={department.approvalPolicy} overCredits={department.approvalOverCredits} />
          </span>
        }
        description={
          <span className="grid gap-1.5">
            <span>{department.mission || "No mission written yet."}</span>
            <LeadsLine leads={department.leads} className="text-sm" />
          </span>
        }
        actions={
          <>
            {!archived && org.role !== "viewer" ? (
              <Button variant="outline" onClick={() => setHiring(true)}>
                Hire from marketplace
              </Button>
            ) : null}
            {!archived ? <AskDialog orgId={org.id} department={department} /> : null}
            {canManage ? (
              <DropdownMenu>
                <DropdownMenuTrigger asChild>
                  <Button variant="outline" size="icon" aria-label="More actions">
                    <MoreHorizontal />
                  </Button>
                </DropdownMenuTrigger>
                <DropdownMenuContent>
                  <DropdownMenuItem onSelect={() => setDialog("edit")}>
                    <Pencil aria-hidden />
                    Rename or edit mission
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => setDialog("leads")}>
                    <Users aria-hidden />
                    Choose leads
                  </DropdownMenuItem>
                  <DropdownMenuItem onSelect={() => setDialog("move")}>
                    <FolderInput aria-hidden />
                    Move
                  </DropdownMenuItem>
                  <DropdownMenuSeparator />
                  <DropdownMenuItem destructive={!archived} onSelect={() => setDialog("archive")}>
                    {archived ? <ArchiveRestore aria-hidden /> : <Archive aria-hidden />}
                    {archived ? "Restore" : "Archive"}
                  </DropdownMenuItem>
                </DropdownMenuContent>
              </DropdownMenu>
            ) : null}
          </>
        }
      />
      {archived ? (
        <Alert icon={<Archive />}>
          <AlertDescription>
            This department is archived: it is off the chart and takes no requests. Its record stays here.
          </AlertDescription>
        </Alert>
      ) : null}
      {dialog === "edit" ? <EditDepartmentDialog {...dialogProps} /> : null}
      {dialog === "leads" ? <LeadsDialog {...dialogProps} /> : null}
      {dialog === "move" ? <MoveDepartmentDialog {...dialogProps} departments={props.departments} /> : null}
      {dialog === "archive" ? <ArchiveDialog {...dialogProps} /> : null}
      <HireDialog open={hiring} onOpenChange={setHiring} departmentId={department.id} />
    </div>
  );
}
