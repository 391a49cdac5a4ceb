"use client";

import { useQuery } from "@tanstack/react-query";
import { Info, MailPlus } from "lucide-react";
import Link from "next/link";
import { authClient, authErrorMessage } from "@/components/auth/auth-client";
import { formatDate, plural } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { isOrgRole, ORG_ROLES, type OrgRole } from "@/server/auth/roles";
import { InviteMemberForm } from "./invite-member-form";
import { LeaveOrgButton, RemoveMemberButton, ROLE_LABEL, RoleSelect } from "./member-actions";

/** Roles the current user may give this member: owners any, admins anything but owner and never to an owner. */
function roleChoices(myRole: string, theirRole: OrgRole): OrgRole[] | null {
  if (myRole === "owner") return [...ORG_ROLES];
  if (myRole === "admin" && theirRole !== "owner") return ORG_ROLES.filter((r) => r !== "owner");
  return null;
}

const list = (names: string[]) => new Intl.ListFormat("en-US", { type: "conjunction" }).format(names);

export function MembersView() {
  const { org, user } = useOrg();
  const trpc = useTRPC();
  const query = useQuery(trpc.orgs.members.queryOptions({ orgId: org.id }));
  const canManage = org.role === "owner" || org.role === "admin";
  const refresh = () => void query.refetch();

  const cancel = async (invitationId: string) => {
    const { error } = await authClient.organization.cancelInvitation({ invitationId });
    if (error) toast.error(authErrorMessage(error, "Could not cancel the invitation."));
    else refresh();
  };

  return (
    <div className="space-y-8">
      <PageHeader
        title="Members"
        description={`People in ${org.name} and what they can do.`}
        actions={
          canManage ? (
            <Button asChild variant="outline">
              <Link href="/settings/audit?action=member.role_changed">Role history</Link>
            </Button>
          ) : null
        }
      />
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Invite a teammate</CardTitle>
            <CardDescription>
              They get a link to join. Without email delivery configured, copy the link from the list below.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <InviteMemberForm orgId={org.id} onInvited={refresh} />
          </CardContent>
        </Card>
      ) : null}
      <QueryState isPending={query.isPending} error={query.error} onRetry={refresh}>
        {() => {
          const data = query.data!;
          const managers = data.members.filter((m) => m.role === "owner" || m.role === "admin");
          const owners = data.members.filter((m) => m.role === "owner");
          return (
            <>
              {!canManage ? (
                <Alert icon={<Info />} data-testid="who-can-change-role">
                  <AlertDescription>
                    You are {org.role === "admin" ? "an" : "a"} {org.role} here. Only owners and admins can change your
                    role{managers.length ? `: ${list(managers.map((m) => `${m.name} (${m.role})`))}` : ""}.
                  </AlertDescription>
                </Alert>
              ) : null}
              <Card className="min-w-0">
                <CardHeader>
                  <CardTitle>{plural(data.members.length, { one: "member", other: "members" })}</CardTitle>
                  <CardDescription>
                    Owners manage everything, including billing and owners. Admins manage members, keys and credits.
                    Members run agents. Viewers only look.
                  </CardDescription>
                </CardHeader>
                <CardContent>
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Name</TableHead>
                        <TableHead>Role</TableHead>
                        <TableHead>Joined</TableHead>
                        <TableHead className="text-right">Actions</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {data.members.map((m) => {
                        const role = isOrgRole(m.role) ? m.role : null;
                        const choices = role ? roleChoices(org.role, role) : null;
                        const isMe = m.userId === user.id;
                        const onlyOwner = role === "owner" && owners.length === 1;
                        return (
                          <TableRow key={m.id} data-testid="member-row">
                            <TableCell>
                              <div className="flex items-center gap-3">
                                <Avatar name={m.name} size="sm" />
                                <div className="min-w-0">
                                  <div className="font-medium whitespace-nowrap">
                                    {m.name}
                                    {isMe ? " (you)" : ""}
                                  </div>
                                  <div className="text-xs text-muted-foreground">{m.email}</div>
                                </div>
                              </div>
                            </TableCell>
                            <TableCell>
                              {choices && role && !onlyOwner ? (
                                <RoleSelect
                                  orgId={org.id}
                                  memberId={m.id}
                                  name={m.name}
                                  role={role}
                                  choices={choices}
                                  onChanged={() => {
                                    // Changing your own role changes what this page lets you do.
                                    if (isMe) window.location.reload();
                                    else refresh();
                                  }}
                                />
                              ) : (
                                <Badge variant={m.role === "owner" ? "default" : "secondary"} data-testid="member-role">
                                  {role ? ROLE_LABEL[role] : m.role}
                                </Badge>
                              )}
                              {onlyOwner && canManage ? (
                                <div className="mt-1 text-xs text-muted-foreground">The only owner</div>
                              ) : null}
                            </TableCell>
                            <TableCell className="whitespace-nowrap text-muted-foreground">
                              {formatDate(m.joinedAt)}
                            </TableCell>
                            <TableCell className="text-right">
                              {isMe ? (
                                onlyOwner ? (
                                  <span className="text-xs text-muted-foreground">
                                    Make someone else an owner to leave
                                  </span>
                                ) : (
                                  <LeaveOrgButton orgId={org.id} orgName={org.name} />
                                )
                              ) : choices && !onlyOwner ? (
                                <RemoveMemberButton orgId={org.id} memberId={m.id} name={m.name} onRemoved={refresh} />
                              ) : null}
                            </TableCell>
                          </TableRow>
                        );
                      })}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
              <Card className="min-w-0">
                <CardHeader>
                  <CardTitle>
                    {data.invitations.length === 0
                      ? "Pending invitations"
                      : plural(data.invitations.length, { one: "pending invitation", other: "pending invitations" })}
                  </CardTitle>
                </CardHeader>
                <CardContent>
                  {data.invitations.length === 0 ? (
                    <EmptyState
                      icon={<MailPlus />}
                      title="No pending invitations"
                      description={canManage ? "Invite a teammate above." : "Owners and admins can invite teammates."}
                    />
                  ) : (
                    <Table>
                      <TableHeader>
                        <TableRow>
                          <TableHead>Email</TableHead>
                          <TableHead>Role</TableHead>
                          <TableHead>Expires</TableHead>
                          <TableHead className="text-right">Actions</TableHead>
                        </TableRow>
                      </TableHeader>
                      <TableBody>
                        {data.invitations.map((inv) => (
                          <TableRow key={inv.id} data-testid="invitation-row">
                            <TableCell>
                              <div>{inv.email}</div>
                              {inv.link ? (
                                <code
                                  className="block max-w-xs truncate text-xs text-muted-foreground"
                                  data-testid="invitation-link"
                                >
                                  {inv.link}
                                </code>
                              ) : null}
                            </TableCell>
                            <TableCell>
                              <Badge variant="outline">{inv.role}</Badge>
                            </TableCell>
                            <TableCell className="whitespace-nowrap text-muted-foreground">
                              {formatDate(inv.expiresAt)}
                            </TableCell>
                            <TableCell className="text-right">
                              {canManage ? (
                                <div className="flex justify-end gap-2">
                                  <CopyButton
                                    value={inv.link}
                                    label={`Copy invitation link for ${inv.email}`}
                                    size="sm"
                                    variant="outline"
                                  >
                                    Copy link
                                  </CopyButton>
                                  <Button size="sm" variant="ghost" onClick={() => void cancel(inv.id)}>
                                    Cancel
                                  </Button>
                                </div>
                              ) : null}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  )}
                </CardContent>
              </Card>
            </>
          );
        }}
      </QueryState>
    </div>
  );
}
