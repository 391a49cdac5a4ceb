import "server-only";
import type { Transporter } from "nodemailer";
import { appUrl } from "../../env";
import { db } from "../../db";
import { mailConfigured, sendMail } from "../../mail/send-mail";

/**
 * Emails the notifications created for one source event, when SMTP is set
 * (without it they live in the bell only, and nothing is marked). Each row is
 * claimed before its send (`emailedAt` null -> now, conditional), so two runs
 * of one event never mail a person twice; a failed send gives the claim back
 * and throws, for the durable step to retry the rest.
 */
export async function emailNotifications(input: {
  sourceKey: string;
  transport?: Transporter;
}): Promise<{ emailed: number }> {
  if (!input.transport && !mailConfigured()) return { emailed: 0 };
  const pending = await db.notification.findMany({
    where: { sourceKey: input.sourceKey, emailedAt: null },
    orderBy: { id: "asc" },
    select: { id: true, title: true, body: true, link: true, user: { select: { email: true } } },
  });
  let emailed = 0;
  for (const notification of pending) {
    const claim = await db.notification.updateMany({
      where: { id: notification.id, emailedAt: null },
      data: { emailedAt: new Date() },
    });
    if (claim.count === 0) continue;
    const link = notification.link ? `\n\nOpen Bureau: ${appUrl()}${notification.link}\n` : "\n";
    try {
      await sendMail(
        { to: notification.user.email, subject: notification.title, text: `${notification.body}${link}` },
        { transport: input.transport },
      );
    } catch (error) {
      await db.notification.updateMany({ where: { id: notification.id }, data: { emailedAt: null } });
      throw error;
    }
    emailed += 1;
  }
  return { emailed };
}
