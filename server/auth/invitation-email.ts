import nodemailer from "nodemailer";
import { appUrl, env } from "../env";
import { logger } from "../logger";

export function invitationUrl(invitationId: string): string {
  return `${appUrl()}/invite/${invitationId}`;
}

/**
 * Emails the invitation link when SMTP is configured. Without SMTP (local
 * development) the link is written to the log; the inviter can also copy it
 * from the members page.
 */
export async function sendInvitationEmail(input: {
  invitationId: string;
  email: string;
  role: string;
  orgName: string;
  inviterName: string;
}): Promise<void> {
  const link = invitationUrl(input.invitationId);
  if (!env.SMTP_URL) {
    logger.info({ to: input.email, org: input.orgName, link }, "invitation created (no SMTP configured; link logged)");
    return;
  }
  const transport = nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({
    from: env.EMAIL_FROM,
    to: input.email,
    subject: `${input.inviterName} invited you to ${input.orgName} on Bureau`,
    text: `${input.inviterName} invited you to join ${input.orgName} as ${input.role}.\n\nAccept: ${link}\n`,
  });
  logger.info({ to: input.email, org: input.orgName }, "invitation email sent");
}
