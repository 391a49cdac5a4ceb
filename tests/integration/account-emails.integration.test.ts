import { afterAll, describe, expect, it, vi } from "vitest";

// A real SMTP server on loopback, configured before server/env.ts is read.
const sink = await vi.hoisted(async () => {
  const { startSmtpSink } = await import("./notifications/smtp-sink");
  const started = await startSmtpSink();
  process.env.SMTP_URL = started.url;
  return started;
});

import { withoutVerificationEmail } from "@/server/auth/account-emails";
import { auth } from "@/server/auth/auth";
import { db } from "@/server/db";
import { appUrl } from "@/server/env";
import { PASSWORD, signInHeaders, unique } from "../support/factories";
import { header, textBody, type ReceivedMail } from "./notifications/smtp-sink";

afterAll(() => sink.close());

async function mailTo(email: string, subject: RegExp): Promise<ReceivedMail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mail = sink.messages.find((m) => m.to.includes(email) && subject.test(header(m.raw, "Subject") ?? ""));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no "${subject.source}" mail reached ${email}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The one link of the mail, which must point at this deployment. */
function linkIn(mail: ReceivedMail): URL {
  const links = textBody(mail.raw).match(/https?:\/\/\S+/g) ?? [];
  expect(links).toHaveLength(1);
  const link = new URL(links[0]!);
  expect(link.origin).toBe(new URL(appUrl()).origin);
  return link;
}

/** Follows a link the way the browser does: a GET to better-auth's handler. */
const open = (link: URL, cookie?: string) =>
  auth.handler(new Request(link, { headers: cookie ? { cookie } : undefined, redirect: "manual" }));

const newUser = async () => {
  const email = `mail-${unique()}@example.test`;
  await auth.api.signUpEmail({ body: { email, name: "Mara Buyer", password: PASSWORD, callbackURL: "/verify-email" } });
  return email;
};

describe("email verification", () => {
  it("sends nothing for an account created as verified (the demo seed)", async () => {
    const email = `seeded-${unique()}@example.test`;
    await withoutVerificationEmail(() => auth.api.signUpEmail({ body: { email, name: "Seeded", password: PASSWORD } }));
    const control = await newUser();
    await mailTo(control, /Confirm your email/);
    expect(sink.messages.filter((m) => m.to.includes(email))).toEqual([]);
  });

  it("emails a link on sign-up that verifies the address and signs the user in", async () => {
    const email = await newUser();
    const mail = await mailTo(email, /Confirm your email/);
    const link = linkIn(mail);
    expect(link.pathname).toBe("/api/auth/verify-email");
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { emailVerified: true } })).toEqual({
      emailVerified: false,
    });

    const response = await open(link);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/verify-email");
    expect(response.headers.getSetCookie().some((c) => c.includes("session_token"))).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);
  });

  it("sends a tampered link to the result page with the reason", async () => {
    const email = await newUser();
    const link = linkIn(await mailTo(email, /Confirm your email/));
    link.searchParams.set("token", `${link.searchParams.get("token")}x`);
    const response = await open(link);
    expect(response.headers.get("location")).toBe("/verify-email?error=INVALID_TOKEN");
    expect((await db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(false);
  });

  it("is not required to sign in, so unverified (and seeded) users are never locked out", async () => {
    const email = await newUser();
    expect((await signInHeaders(email)).get("cookie")).toContain("session_token");
  });
});

describe("password reset", () => {
  it("emails a one-hour link that opens the reset page, sets the new password once and ends old sessions", async () => {
    const email = await newUser();
    const oldSession = await signInHeaders(email);
    await auth.api.requestPasswordReset({ body: { email, redirectTo: "/reset-password" } });
    const mail = await mailTo(email, /new Bureau password/);
    expect(textBody(mail.raw)).toContain("one hour");

    // The emailed link checks the token and lands on the reset page with it.
    const response = await open(linkIn(mail));
    expect(response.status).toBe(302);
    const landing = new URL(response.headers.get("location")!);
    expect(landing.pathname).toBe("/reset-password");
    const token = landing.searchParams.get("token")!;
    const stored = await db.verification.findFirstOrThrow({ where: { identifier: `reset-password:${token}` } });
    expect(stored.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60 * 1000);

    await auth.api.resetPassword({ body: { newPassword: "a-brand-new-password", token } });
    await expect(signInHeaders(email)).rejects.toMatchObject({ status: "UNAUTHORIZED" });
    expect((await signInHeaders(email, "a-brand-new-password")).get("cookie")).toContain("session_token");
    expect(await auth.api.getSession({ headers: oldSession })).toBeNull();
    // The link works once.
    await expect(
      auth.api.resetPassword({ body: { newPassword: "yet-another-password", token } }),
    ).rejects.toMatchObject({ status: "BAD_REQUEST" });
    const reused = await open(linkIn(mail));
    expect(reused.headers.get("location")).toContain("/reset-password?error=INVALID_TOKEN");
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const before = sink.messages.length;
    const answer = await auth.api.requestPasswordReset({
      body: { email: `nobody-${unique()}@example.test`, redirectTo: "/reset-password" },
    });
    expect(answer).toMatchObject({ status: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.messages.length).toBe(before);
  });
});
