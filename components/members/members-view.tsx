"use client";

import { useQuery } from "@tanstack/react-query";
import { MailPlus } from "lucide-react";
import { authClient, authErrorMessage } from "@/components/auth/auth-client";
import { formatDate } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { QueryState } from "@/components/query-state";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { InviteMemberForm } from "./invite-member-form";

export function MembersView() {
  const { org, user } = useOrg();
  const trpc = useTRPC();
  const query = useQuery(trpc.orgs.members.queryOptions({ orgId: org.id }));
  const canManage = org.role === "owner" || org.role === "admin";

  const cancel = async (invitationId: string) => {
    const { error } = await authClient.organization.cancelInvitation({ invitationId });
    if (error) toast.error(authErrorMessage(error, "Could not cancel the invitation."));
    else void query.refetch();
  };

  return (
    <div className="space-y-8">
      <PageHeader title="Members" description={`People in ${org.name} and what they can do.`} />
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Invite a teammate</CardTitle>
            <CardDescription>
              They get a link to join. Without email delivery configured, copy the link from the list below.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <InviteMemberForm orgId={org.id} onInvited={() => void query.refetch()} />
          </CardContent>
        </Card>
      ) : null}
      <QueryState isPending={query.isPending} error={query.error} onRetry={() => void query.refetch()}>
        {() => {
          const data = query.data!;
          return (
            <>
              <Card>
                <CardHeader>
                  <CardTitle>
                    {data.members.length} member{data.members.length === 1 ? "" : "s"}
                  </CardTitle>
                </CardHeader>
                <CardContent>
                  <Table>
                    <TableHeader>
                      <TableRow>
                        <TableHead>Name</TableHead>
                        <TableHead>Role</TableHead>
                        <TableHead>Joined</TableHead>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {data.members.map((m) => (
                        <TableRow key={m.id}>
                          <TableCell>
                            <div className="flex items-center gap-3">
                              <Avatar name={m.name} size="sm" />
                              <div>
                                <div className="font-medium">
                                  {m.name}
                                  {m.userId === user.id ? " (you)" : ""}
                                </div>
                                <div className="text-xs text-muted-foreground">{m.email}</div>
                              </div>
                            </div>
                          </TableCell>
                          <TableCell>
                            <Badge variant={m.role === "owner" ? "default" : "secondary"}>{m.role}</Badge>
                          </TableCell>
                          <TableCell className="text-muted-foreground">{formatDate(m.joinedAt)}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </CardContent>
              </Card>
              <Card>
                <CardHeader>
                  <CardTitle>Pending invitations</CardTitle>
                </CardHeader>
                <CardContent>
                  {data.invitations.length === 0 ? (
                    <EmptyState
                      icon={<MailPlus />}
                      title="No pending invitations"
                      description={canManage ? "Invite a teammate above." : "Admins can invite teammates."}
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
                            <TableCell className="text-muted-foreground">{formatDate(inv.expiresAt)}</TableCell>
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
