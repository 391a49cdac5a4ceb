import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { sendMail } from "../mail/send-mail";

/**
 * The account emails better-auth asks for (server/auth/auth.ts). They go
 * through the one mail adapter: delivered when SMTP_URL is set, written to
 * the log (link included) otherwise, so a local install still works.
 */

/** `url` is better-auth's: it checks the token, then opens /reset-password?token=…. */
export async function sendPasswordResetEmail(input: { email: string; name: string; url: string }): Promise<void> {
  await sendMail({
    to: input.email,
    subject: "Choose a new Bureau password",
    text:
      `Hello ${input.name},\n\nSomeone (we hope you) asked to reset the password of your Bureau account.\n\n` +
      `Choose a new password: ${input.url}\n\nThe link works once, for one hour. ` +
      "If you did not ask for it, ignore this email: your password stays as it is.\n",
  });
}

// Accounts the demo seed creates are verified by construction; asking their
// (reserved .test) addresses to confirm would only bury the sign-in lines.
const preverified = new AsyncLocalStorage<true>();

/** Runs `body` (an account the caller marks verified itself) without sending a verification email. */
export function withoutVerificationEmail<T>(body: () => Promise<T>): Promise<T> {
  return preverified.run(true, body);
}

/** `url` is better-auth's: it marks the address verified, signs the user in and opens /verify-email. */
export async function sendVerificationEmail(input: { email: string; name: string; url: string }): Promise<void> {
  if (preverified.getStore()) return;
  await sendMail({
    to: input.email,
    subject: "Confirm your email for Bureau",
    text:
      `Hello ${input.name},\n\n` +
      `Confirm that ${input.email} is yours, so invitations, receipts and alerts reach you:\n\n` +
      `${input.url}\n\nThe link works for one hour. If you did not create a Bureau account, ignore this email.\n`,
  });
}
