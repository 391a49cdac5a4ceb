import "server-only";
import { appUrl } from "../env";
import { sendMail } from "../mail/send-mail";

export function invitationUrl(invitationId: string): string {
  return `${appUrl()}/invite/${invitationId}`;
}

/**
 * Emails the invitation link when SMTP is configured. Without SMTP (local
 * development) the mail adapter writes the message, link included, to the
 * log; the inviter can also copy the link from the members page.
 */
export async function sendInvitationEmail(input: {
  invitationId: string;
  email: string;
  role: string;
  orgName: string;
  inviterName: string;
}): Promise<void> {
  const link = invitationUrl(input.invitationId);
  await sendMail({
    to: input.email,
    subject: `${input.inviterName} invited you to ${input.orgName} on Bureau`,
    text: `${input.inviterName} invited you to join ${input.orgName} as ${input.role}.\n\nAccept: ${link}\n`,
  });
}
