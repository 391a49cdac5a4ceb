import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env";
import { logger } from "../logger";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export type MailResult = { sent: true; messageId: string } | { sent: false; reason: "smtp_not_configured" };

let smtp: Transporter | undefined;

/** True when SMTP_URL is set: mail is delivered; otherwise it is only logged. */
export const mailConfigured = (): boolean => Boolean(env.SMTP_URL);

/** One SMTP transport per process, from SMTP_URL (e.g. smtps://user:pass@smtp.example.com:465). */
function smtpTransport(): Transporter | null {
  if (!env.SMTP_URL) return null;
  smtp ??= nodemailer.createTransport(env.SMTP_URL);
  return smtp;
}

/**
 * The one way Bureau sends email. With SMTP configured the message goes out
 * from EMAIL_FROM; without it (local development) it is written to the log
 * instead, so links in it can still be followed. A delivery failure throws,
 * for the caller (a durable step) to retry. `transport` lets a caller hand
 * in another nodemailer transport (stream or JSON transports need no server).
 */
export async function sendMail(message: MailMessage, options: { transport?: Transporter } = {}): Promise<MailResult> {
  const transport = options.transport ?? smtpTransport();
  if (!transport) {
    logger.info({ to: message.to, subject: message.subject, text: message.text }, "email logged (no SMTP configured)");
    return { sent: false, reason: "smtp_not_configured" };
  }
  const info = (await transport.sendMail({ from: env.EMAIL_FROM, ...message })) as { messageId: string };
  logger.info({ to: message.to, subject: message.subject, messageId: info.messageId }, "email sent");
  return { sent: true, messageId: info.messageId };
}
