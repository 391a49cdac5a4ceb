import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { positionToolName } from "@/server/mcp/tools/positions";
import { smallCompany } from "../../support/company-fixtures";
import { addMember, callerFor, createUser } from "../../support/factories";
import { buyerWithCredits } from "../../support/task-fixtures";
import { mcpKey } from "./mcp-support";

async function setup() {
  const buyer = await buyerWithCredits(0);
  const company = await smallCompany(buyer, 10);
  const key = await mcpKey(buyer.org, buyer.user, ["mcp:use", "agents:read", "tasks:read"]);
  const admin = await callerFor(buyer.user.email);
  const member = await createUser("Member");
  await addMember(buyer.org.id, member.id, "member");
  return { buyer, company, key, admin, member: await callerFor(member.email) };
}

describe("tRPC mcp (tool grants)", () => {
  it("lists the subjects and, per subject, every tool with its default, its scopes and the grant", async () => {
    const { buyer, company, key, admin } = await setup();
    const orgId = buyer.org.id;
    const subjects = await admin.mcp.grantSubjects({ orgId });
    expect(subjects.roles.map((r) => r.id)).toEqual(["owner", "admin", "member", "viewer"]);
    expect(subjects.departments.map((d) => d.slug).sort()).toEqual(["finance", "legal", "marketing"]);
    expect(subjects.apiKeys.find((k) => k.id === key.id)).toMatchObject({ hasMcpScope: true, active: true });

    const viewer = await admin.mcp.toolGrants({ orgId, subject: { type: "ROLE", id: "viewer" } });
    const byName = new Map(viewer.tools.map((t) => [t.name, t]));
    expect(byName.get("get_task")).toMatchObject({
      readOnly: true,
      scopeAllows: true,
      visibleByDefault: true,
      effect: null,
    });
    expect(byName.get("run_agent")).toMatchObject({ readOnly: false, scopeAllows: false, visibleByDefault: false });
    const financeTool = positionToolName(company.finance.department.slug, company.finance.position.id);
    expect(byName.get(financeTool)).toMatchObject({ key: `position:${company.finance.position.id}`, position: true });

    const forKey = await admin.mcp.toolGrants({ orgId, subject: { type: "API_KEY", id: key.id } });
    const keyTools = new Map(forKey.tools.map((t) => [t.name, t]));
    expect(keyTools.get("get_task")).toMatchObject({ scopeAllows: true, visibleByDefault: true });
    expect(keyTools.get("run_agent")).toMatchObject({ scopeAllows: false });

    const dept = await admin.mcp.toolGrants({
      orgId,
      subject: { type: "DEPARTMENT", id: company.legal.department.id },
    });
    expect(dept.tools[0]).toMatchObject({ scopeAllows: null, visibleByDefault: null });
  });

  it("sets and clears a grant, audited; members cannot, and another org's admin finds nothing", async () => {
    const { buyer, admin, member } = await setup();
    const orgId = buyer.org.id;
    const subject = { type: "ROLE" as const, id: "member" };
    expect(await admin.mcp.setToolGrant({ orgId, subject, tool: "run_agent", effect: "HIDE" })).toEqual({
      changed: true,
    });
    expect(await admin.mcp.setToolGrant({ orgId, subject, tool: "run_agent", effect: "HIDE" })).toEqual({
      changed: false,
    });
    const listed = await admin.mcp.toolGrants({ orgId, subject });
    expect(listed.tools.find((t) => t.name === "run_agent")?.effect).toBe("HIDE");
    expect(await db.auditLog.count({ where: { orgId, action: "mcp.grant_set", target: "run_agent" } })).toBe(1);

    await expect(member.mcp.setToolGrant({ orgId, subject, tool: "run_agent", effect: null })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const stranger = await buyerWithCredits(0);
    const strangerAdmin = await callerFor(stranger.user.email);
    await expect(
      strangerAdmin.mcp.setToolGrant({ orgId, subject, tool: "run_agent", effect: null }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Naming the other org's key from one's own org is not found either.
    const theirKey = await mcpKey(stranger.org, stranger.user);
    await expect(
      admin.mcp.setToolGrant({
        orgId,
        subject: { type: "API_KEY", id: theirKey.id },
        tool: "get_task",
        effect: "HIDE",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await admin.mcp.setToolGrant({ orgId, subject, tool: "run_agent", effect: null })).toEqual({
      changed: true,
    });
    expect(await db.mcpToolGrant.count({ where: { orgId } })).toBe(0);
    expect(await db.auditLog.count({ where: { orgId, action: "mcp.grant_cleared" } })).toBe(1);
  });
});
