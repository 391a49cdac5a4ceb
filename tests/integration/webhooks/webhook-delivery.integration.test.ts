import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A real SMTP server, and a short retry schedule, before server/env.ts is read.
const sink = await vi.hoisted(async () => {
  process.env.WEBHOOK_RETRY_SCHEDULE_MS = "0,300,600";
  const { startSmtpSink } = await import("../notifications/smtp-sink");
  const started = await startSmtpSink();
  process.env.SMTP_URL = started.url;
  return started;
});

import { Webhook, WebhookVerificationError } from "standardwebhooks";
import deliverWebhook from "@/inngest/functions/deliver-webhook";
import { db } from "@/server/db";
import { startJobEngine, stopJobEngine } from "@/server/jobs/engine";
import type { DurableFunction } from "@/server/jobs/types";
import { recordEvent } from "@/server/services/events/record-event";
import { taskListener } from "@/server/services/events/task-listener";
import { attemptDelivery } from "@/server/services/webhooks/attempt-delivery";
import { createEndpoint, rotateEndpointSecret, updateEndpoint } from "@/server/services/webhooks/manage-endpoints";
import { replayDelivery, sendTestEvent } from "@/server/services/webhooks/replay-delivery";
import { sweepWebhooks } from "@/server/services/webhooks/sweep-webhooks";
import { startWebhookDispatcher } from "@/server/services/webhooks/webhook-dispatcher";
import { addMember, createUser, ownerWithOrg, unique } from "../../support/factories";
import { startLocalServer } from "../../support/local-http";
import { header } from "../notifications/smtp-sink";
import { startWebhookReceiver, until } from "./webhook-receiver";

let stopDispatcher: () => void;
beforeAll(async () => {
  await startJobEngine([deliverWebhook] as DurableFunction<never>[]);
  stopDispatcher = startWebhookDispatcher();
}, 60_000);
afterAll(async () => {
  stopDispatcher();
  await taskListener.close();
  await stopJobEngine();
  await sink.close();
});

const DAY = 24 * 3_600_000;

function grant(orgId: string, amount: number) {
  return db.$transaction((tx) =>
    recordEvent(tx, {
      orgId,
      type: "credits.granted",
      subject: { type: "wallet", id: `wallet-${orgId}` },
      actor: { kind: "system", id: null },
      data: { amount, reason: "webhook test" },
    }),
  );
}

const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { id: "asc" } });

async function endpointFor(url: string, eventTypes: ("credits.granted" | "api_key.created")[] = []) {
  const { org, user } = await ownerWithOrg(`Hooks ${unique()}`);
  const created = await createEndpoint({ orgId: org.id, userId: user.id, url, description: "test", eventTypes });
  return { org, user, ...created };
}

/** A pending delivery row of one test message, for attempts driven by hand (with a chosen clock). */
async function handDelivery(orgId: string, endpointId: string) {
  const messageId = `msg_${unique()}`;
  return db.webhookDelivery.create({
    data: {
      endpointId,
      orgId,
      messageId,
      eventType: "webhook.test",
      payload: { id: messageId, type: "webhook.test", createdAt: new Date().toISOString(), data: {} },
    },
  });
}

describe("outbound webhooks", () => {
  it("delivers a committed org event, signed so the library's own verifier accepts it", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { org, endpoint, secret } = await endpointFor(receiver.url, ["credits.granted"]);
      expect(secret).toMatch(/^whsec_/);
      await expect.poll(() => taskListener.isListening("bureau_org_events")).toBe(true);
      const { id } = await grant(org.id, 42);
      await until(
        () => receiver.received.length,
        (n) => n >= 1,
      );
      const [message] = receiver.received;
      expect(message!.headers["webhook-id"]).toBe(id.toString());
      const verified = new Webhook(secret).verify(message!.body, message!.headers);
      expect(verified).toEqual({
        id: id.toString(),
        type: "credits.granted",
        createdAt: expect.any(String),
        subject: { type: "wallet", id: `wallet-${org.id}` },
        actor: { kind: "system", id: null },
        data: { amount: 42, reason: "webhook test" },
      });
      // Another secret does not verify it.
      expect(() =>
        new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(message!.body, message!.headers),
      ).toThrow(WebhookVerificationError);
      const [row] = await until(
        () => deliveriesOf(endpoint.id),
        (rows) => rows[0]?.status === "succeeded",
      );
      expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200, lastResponseExcerpt: "ok" });
      expect(row!.lastLatencyMs).toEqual(expect.any(Number));
      // The secret is stored encrypted, not as given.
      const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      expect(stored.secretEncrypted).not.toContain(secret.slice(6));
    } finally {
      await receiver.close();
    }
  });

  it("sends only subscribed types, and the sweep catches up on events no notification announced", async () => {
    const receiver = await startWebhookReceiver();
    try {
      // No process is listening: only the sweep can find these events.
      stopDispatcher();
      const { org, endpoint } = await endpointFor(receiver.url, ["api_key.created"]);
      await grant(org.id, 1); // not subscribed
      const event = await db.$transaction(async (tx) => {
        return recordEvent(tx, {
          orgId: org.id,
          type: "api_key.created",
          subject: { type: "api_key", id: "key-1" },
          actor: { kind: "system", id: null },
          data: { name: "ci", scopes: ["tasks:write"], lastFour: "abcd" },
        });
      });
      expect(await deliveriesOf(endpoint.id)).toEqual([]);
      await sweepWebhooks({ now: new Date() });
      const rows = await until(
        () => deliveriesOf(endpoint.id),
        (found) => found.length === 1 && found[0]!.status === "succeeded",
      );
      expect(rows.map((r) => [r.eventType, r.messageId, r.status])).toEqual([
        ["api_key.created", event.id.toString(), "succeeded"],
      ]);
      expect(receiver.received.map((r) => r.headers["webhook-id"])).toEqual([event.id.toString()]);
    } finally {
      stopDispatcher = startWebhookDispatcher();
      await receiver.close();
    }
  });

  it("retries with backoff: a receiver failing twice gets the same message three times, then it succeeds", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { org, endpoint, secret } = await endpointFor(receiver.url);
      receiver.answer(500, 503);
      const { id: deliveryId } = await sendTestEvent({ orgId: org.id, endpointId: endpoint.id, userId: "u" });
      const row = await until(
        () => db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } }),
        (d) => d.status !== "pending",
      );
      expect(row).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
      expect(receiver.received).toHaveLength(3);
      expect(new Set(receiver.received.map((r) => r.headers["webhook-id"]))).toEqual(new Set([row.messageId]));
      for (const message of receiver.received)
        expect(() => new Webhook(secret).verify(message.body, message.headers)).not.toThrow();
      const after = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      expect(after.firstFailureAt).toBeNull();
      expect(after.lastSuccessAt).not.toBeNull();

      // Replay sends the same message again, with a fresh run.
      await replayDelivery({ orgId: org.id, deliveryId });
      const replayed = await until(
        () => db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } }),
        (d) => d.attempts === 4 && d.status === "succeeded",
      );
      expect(replayed).toMatchObject({ attempts: 4, status: "succeeded", replays: 1 });
      expect(receiver.received.at(-1)!.headers["webhook-id"]).toBe(row.messageId);
      await expect(replayDelivery({ orgId: "another-org", deliveryId })).rejects.toMatchObject({ code: "not_found" });
    } finally {
      await receiver.close();
    }
  });

  it("marks a delivery failed after the last attempt, with the receiver's status and excerpt", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { org, endpoint } = await endpointFor(receiver.url);
      receiver.answer(500, 500, 500);
      const { id } = await sendTestEvent({ orgId: org.id, endpointId: endpoint.id, userId: "u" });
      const row = await until(
        () => db.webhookDelivery.findUniqueOrThrow({ where: { id } }),
        (d) => d.status !== "pending",
      );
      expect(row).toMatchObject({
        status: "failed",
        attempts: 3,
        lastStatusCode: 500,
        lastResponseExcerpt: "receiver says no (500)",
      });
      // Three failures within the hour do not disable the endpoint.
      expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
        enabled: true,
        firstFailureAt: expect.any(Date),
      });
    } finally {
      await receiver.close();
    }
  });

  it("signs with both secrets for 24 hours after a rotation, then with the new one only", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { org, endpoint, secret: oldSecret } = await endpointFor(receiver.url);
      const rotatedAt = new Date();
      const { secret: newSecret } = await rotateEndpointSecret({
        orgId: org.id,
        endpointId: endpoint.id,
        now: rotatedAt,
      });
      expect(newSecret).not.toBe(oldSecret);

      const during = await handDelivery(org.id, endpoint.id);
      await attemptDelivery({
        deliveryId: during.id,
        nextDelayMs: null,
        now: new Date(rotatedAt.getTime() + DAY - 60_000),
      });
      const overlap = receiver.received.at(-1)!;
      expect(overlap.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
      expect(() => new Webhook(oldSecret).verify(overlap.body, overlap.headers)).not.toThrow();
      expect(() => new Webhook(newSecret).verify(overlap.body, overlap.headers)).not.toThrow();

      const later = await handDelivery(org.id, endpoint.id);
      await attemptDelivery({
        deliveryId: later.id,
        nextDelayMs: null,
        now: new Date(rotatedAt.getTime() + DAY + 60_000),
      });
      const after = receiver.received.at(-1)!;
      expect(after.headers["webhook-signature"]!.split(" ")).toHaveLength(1);
      expect(() => new Webhook(newSecret).verify(after.body, after.headers)).not.toThrow();
      expect(() => new Webhook(oldSecret).verify(after.body, after.headers)).toThrow(WebhookVerificationError);
    } finally {
      await receiver.close();
    }
  });

  it("refuses private addresses at delivery time too, and never follows a redirect", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { org, endpoint } = await endpointFor(receiver.url);
      // A URL that is no longer acceptable (stored before a policy change, say) is refused before connecting.
      await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: "http://10.255.255.1/hook" } });
      const refused = await handDelivery(org.id, endpoint.id);
      expect(await attemptDelivery({ deliveryId: refused.id, nextDelayMs: null })).toMatchObject({
        outcome: "failed",
        statusCode: null,
      });
      expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: refused.id } })).toMatchObject({
        status: "failed",
        lastResponseExcerpt: expect.stringContaining("private or reserved address"),
      });

      // A receiver answering with a redirect (here to the cloud metadata address) is a failure, not followed.
      const redirecting = await startLocalServer((_req, res) => {
        res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data" }).end();
      });
      try {
        await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { url: `${redirecting.url}/hook` } });
        const redirected = await handDelivery(org.id, endpoint.id);
        await attemptDelivery({ deliveryId: redirected.id, nextDelayMs: null });
        expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: redirected.id } })).toMatchObject({
          status: "failed",
          lastResponseExcerpt: expect.stringContaining("redirected"),
        });
      } finally {
        await redirecting.close();
      }
      expect(receiver.received).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it("disables an endpoint after 3 days of failures, and re-enabling resets the clock", async () => {
    const receiver = await startWebhookReceiver();
    try {
      const { org, endpoint } = await endpointFor(receiver.url);
      const t0 = new Date();
      const attempt = async (offsetMs: number, reachesReceiver = true) => {
        if (reachesReceiver) receiver.answer(503);
        const row = await handDelivery(org.id, endpoint.id);
        return attemptDelivery({ deliveryId: row.id, nextDelayMs: null, now: new Date(t0.getTime() + offsetMs) });
      };
      expect(await attempt(0)).toMatchObject({ outcome: "failed", disabledEndpoint: false });
      expect(await attempt(2 * DAY)).toMatchObject({ outcome: "failed", disabledEndpoint: false });
      const read = () => db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
      expect(await read()).toMatchObject({ enabled: true, firstFailureAt: t0 });
      expect(await attempt(3 * DAY + 60_000)).toMatchObject({ outcome: "failed", disabledEndpoint: true });
      expect(await read()).toMatchObject({ enabled: false, disabledReason: "failing" });
      // Nothing more goes out while it is disabled.
      const sentBefore = receiver.received.length;
      expect(await attempt(3 * DAY + 120_000, false)).toMatchObject({ outcome: "skipped" });
      expect(receiver.received).toHaveLength(sentBefore);

      await updateEndpoint({ orgId: org.id, endpointId: endpoint.id, enabled: true });
      expect(await read()).toMatchObject({
        enabled: true,
        disabledAt: null,
        disabledReason: null,
        firstFailureAt: null,
      });
      // A failure after re-enabling starts a new clock: one more failure at +4 days does not disable.
      expect(await attempt(4 * DAY)).toMatchObject({ outcome: "failed", disabledEndpoint: false });
      // A success stops the clock.
      receiver.answer(200);
      const ok = await handDelivery(org.id, endpoint.id);
      await attemptDelivery({ deliveryId: ok.id, nextDelayMs: null, now: new Date(t0.getTime() + 4 * DAY + 1) });
      expect(await read()).toMatchObject({ enabled: true, firstFailureAt: null });
    } finally {
      await receiver.close();
    }
  });

  it("tells owners and admins, in the bell and by email, when a delivery run disables the endpoint", async () => {
    const receiver = await startWebhookReceiver();
    try {
      // Subscribed to a type nothing here writes: the members joining below must not be delivered too.
      const { org, user: owner, endpoint } = await endpointFor(receiver.url, ["api_key.created"]);
      const [admin, member] = [await createUser("Admin"), await createUser("Member")];
      await addMember(org.id, admin.id, "admin");
      await addMember(org.id, member.id, "member");
      // The receiver has been failing for four days already.
      await db.webhookEndpoint.update({
        where: { id: endpoint.id },
        data: { firstFailureAt: new Date(Date.now() - 4 * DAY) },
      });
      receiver.answer(500);
      await sendTestEvent({ orgId: org.id, endpointId: endpoint.id, userId: owner.id });
      const notes = await until(
        () => db.notification.findMany({ where: { orgId: org.id, kind: "webhook.endpoint_disabled" } }),
        (found) => found.length >= 2 && found.every((n) => n.emailedAt !== null),
      );
      expect(notes.map((n) => n.userId).sort()).toEqual([owner.id, admin.id].sort());
      expect(notes[0]).toMatchObject({ title: "Webhook endpoint disabled", link: "/settings/webhooks" });
      expect(notes[0]!.body).toContain(receiver.url);
      expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).toMatchObject({
        enabled: false,
        disabledReason: "failing",
      });
      // The SMTP sink stores a message once it has read all of it, a moment after the sender's send resolved.
      const mailedTo = () =>
        sink.messages.filter((m) => header(m.raw, "Subject") === "Webhook endpoint disabled").flatMap((m) => m.to);
      await expect.poll(mailedTo, { timeout: 5_000 }).toEqual(expect.arrayContaining([owner.email, admin.email]));
      const to = mailedTo();
      expect(to).not.toContain(member.email);
      // One message was sent and failed; the run stopped there.
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });
});
