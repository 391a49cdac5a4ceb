import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addMember, callerFor, createUser, ownerWithOrg, unique } from "../../support/factories";

const URL_OK = "https://hooks.example.com/bureau";

/** An org with an admin, a member and a viewer, and an outsider who owns another org. */
async function orgWithRoles() {
  const owner = await ownerWithOrg(`Webhook Co ${unique()}`);
  const [admin, member, viewer] = [await createUser("Admin"), await createUser("Member"), await createUser("Viewer")];
  await addMember(owner.org.id, admin.id, "admin");
  await addMember(owner.org.id, member.id, "member");
  await addMember(owner.org.id, viewer.id, "viewer");
  const outsider = await ownerWithOrg(`Other Co ${unique()}`);
  return {
    org: owner.org,
    owner: owner.caller,
    admin: await callerFor(admin.email),
    member: await callerFor(member.email),
    viewer: await callerFor(viewer.email),
    outsider,
  };
}

describe("webhooks over tRPC", () => {
  it("lets admins manage endpoints, shows the secret only on create and rotate, and members only read", async () => {
    const { org, admin, member, viewer } = await orgWithRoles();
    const orgId = org.id;
    const created = await admin.webhooks.create({ orgId, url: URL_OK, eventTypes: ["task.created", "task.settled"] });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(created.endpoint).toMatchObject({
      url: URL_OK,
      enabled: true,
      eventTypes: ["task.created", "task.settled"],
    });

    const listed = await member.webhooks.list({ orgId });
    expect(listed.map((e) => e.id)).toEqual([created.endpoint.id]);
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(Object.keys(listed[0]!)).not.toEqual(expect.arrayContaining(["secretEncrypted"]));
    const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpoint.id } });
    expect(row.secretEncrypted).not.toContain(created.secret.slice("whsec_".length));

    expect(await member.webhooks.deliveries({ orgId, endpointId: created.endpoint.id })).toEqual({
      items: [],
      nextCursor: null,
    });
    const endpointId = created.endpoint.id;
    for (const change of [
      () => member.webhooks.create({ orgId, url: URL_OK }),
      () => member.webhooks.update({ orgId, endpointId, enabled: false }),
      () => member.webhooks.delete({ orgId, endpointId }),
      () => member.webhooks.rotateSecret({ orgId, endpointId }),
      () => member.webhooks.sendTest({ orgId, endpointId }),
    ]) {
      await expect(change()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(viewer.webhooks.list({ orgId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const rotated = await admin.webhooks.rotateSecret({ orgId, endpointId });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.endpoint.previousSecretExpiresAt).toEqual(expect.any(Date));

    const disabled = await admin.webhooks.update({ orgId, endpointId, enabled: false, description: "paused" });
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "manual", description: "paused" });
    await expect(admin.webhooks.sendTest({ orgId, endpointId })).rejects.toMatchObject({ code: "CONFLICT" });
    const enabled = await admin.webhooks.update({ orgId, endpointId, enabled: true });
    expect(enabled).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });

    expect(await admin.webhooks.delete({ orgId, endpointId })).toEqual({ deleted: true });
    expect(await member.webhooks.list({ orgId })).toEqual([]);
  });

  it("answers not found for another org's endpoints and deliveries, whatever the caller's role there", async () => {
    const { org, admin, outsider } = await orgWithRoles();
    const { endpoint } = await admin.webhooks.create({ orgId: org.id, url: URL_OK });
    const theirs = { orgId: outsider.org.id, endpointId: endpoint.id };
    for (const call of [
      () => outsider.caller.webhooks.update({ ...theirs, description: "mine now" }),
      () => outsider.caller.webhooks.delete(theirs),
      () => outsider.caller.webhooks.rotateSecret(theirs),
      () => outsider.caller.webhooks.deliveries(theirs),
      () => outsider.caller.webhooks.sendTest(theirs),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    // Naming the endpoint's own org does not help someone who is not in it.
    await expect(outsider.caller.webhooks.list({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const delivery = await db.webhookDelivery.create({
      data: {
        endpointId: endpoint.id,
        orgId: org.id,
        messageId: `m_${unique()}`,
        eventType: "webhook.test",
        payload: {},
      },
    });
    await expect(
      outsider.caller.webhooks.replay({ orgId: outsider.org.id, deliveryId: delivery.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
      description: "",
      enabled: true,
    });
  });

  it("refuses URLs the server must not call: plain http, private addresses, credentials, other schemes", async () => {
    const { org, admin } = await orgWithRoles();
    for (const url of [
      "http://hooks.example.com/bureau",
      "https://10.0.0.7/hook",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]:8443/hook",
      "https://user:pass@hooks.example.com/",
      "ftp://hooks.example.com/",
      "not a url",
    ]) {
      await expect(admin.webhooks.create({ orgId: org.id, url }), url).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    const { endpoint } = await admin.webhooks.create({ orgId: org.id, url: URL_OK });
    await expect(
      admin.webhooks.update({ orgId: org.id, endpointId: endpoint.id, url: "https://192.168.1.1/" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // Test and development receivers on allow-listed local hosts may be plain http.
    const local = await admin.webhooks.create({ orgId: org.id, url: "http://127.0.0.1:9/hooks" });
    expect(local.endpoint.url).toBe("http://127.0.0.1:9/hooks");
    expect((await admin.webhooks.list({ orgId: org.id })).map((e) => e.url).sort()).toEqual(
      [URL_OK, "http://127.0.0.1:9/hooks"].sort(),
    );
  });
});
