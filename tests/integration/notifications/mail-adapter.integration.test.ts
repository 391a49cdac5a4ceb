import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { mailConfigured, sendMail } from "@/server/mail/send-mail";
import { emailNotifications } from "@/server/services/notifications/email-notifications";
import { createOrg, createUser, unique } from "../../support/factories";

// No SMTP_URL in this file: mail is logged, notifications stay in the bell.

async function notificationsFor(count: number) {
  const owner = await createUser("Owner");
  const org = await createOrg(owner.id);
  const sourceKey = `test:${unique()}`;
  const users = [owner, ...(await Promise.all(Array.from({ length: count - 1 }, () => createUser("Admin"))))];
  await db.notification.createMany({
    data: users.map((u) => ({
      orgId: org.id,
      userId: u.id,
      kind: "budget.threshold_crossed",
      title: "Budget 80% reached",
      body: "Spend is at 85%.",
      link: "/credits",
      sourceKey,
    })),
  });
  return { sourceKey };
}

describe("mail adapter", () => {
  it("logs instead of sending when SMTP is not configured", async () => {
    expect(env.SMTP_URL).toBeUndefined();
    expect(mailConfigured()).toBe(false);
    expect(await sendMail({ to: "a@example.test", subject: "s", text: "t" })).toEqual({
      sent: false,
      reason: "smtp_not_configured",
    });
    const { sourceKey } = await notificationsFor(2);
    expect(await emailNotifications({ sourceKey })).toEqual({ emailed: 0 });
    expect(await db.notification.count({ where: { sourceKey, emailedAt: null } })).toBe(2);
  });

  it("builds the message from EMAIL_FROM through a real nodemailer transport", async () => {
    // nodemailer's JSON transport compiles the message like any other and hands it back as JSON.
    const json = nodemailer.createTransport({ jsonTransport: true });
    const compiled: string[] = [];
    const recording = {
      sendMail: async (message: SendMailOptions) => {
        const info = (await json.sendMail(message)) as { message: string; messageId: string };
        compiled.push(info.message);
        return info;
      },
    } as unknown as Transporter;
    const result = await sendMail(
      { to: "owner@example.test", subject: "Budget 80% reached", text: "Spend is at 85%.\n" },
      { transport: recording },
    );
    expect(result).toMatchObject({ sent: true, messageId: expect.any(String) });
    expect(compiled).toHaveLength(1);
    expect(JSON.parse(compiled[0]!)).toMatchObject({
      from: { address: "no-reply@bureau.local", name: "Bureau" },
      to: [{ address: "owner@example.test" }],
      subject: "Budget 80% reached",
      text: "Spend is at 85%.\n",
    });
  });

  it("emails each pending notification once through a given transport, and marks it", async () => {
    const { sourceKey } = await notificationsFor(3);
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    expect(await emailNotifications({ sourceKey, transport })).toEqual({ emailed: 3 });
    expect(await db.notification.count({ where: { sourceKey, emailedAt: { not: null } } })).toBe(3);
    expect(await emailNotifications({ sourceKey, transport })).toEqual({ emailed: 0 });
  });

  it("gives the claim back when delivery fails, so a retry sends it", async () => {
    const { sourceKey } = await notificationsFor(1);
    // Nothing listens on port 9 of loopback here: a real SMTP connection failure.
    const refused = nodemailer.createTransport({ host: "127.0.0.1", port: 9, connectionTimeout: 2_000 });
    await expect(emailNotifications({ sourceKey, transport: refused })).rejects.toThrow();
    expect(await db.notification.count({ where: { sourceKey, emailedAt: null } })).toBe(1);
    const working = nodemailer.createTransport({ jsonTransport: true });
    expect(await emailNotifications({ sourceKey, transport: working })).toEqual({ emailed: 1 });
  });
});
