import "server-only";
import { eventTransaction } from "../events/event-transaction";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { orgAccount, platformAccount } from "./accounts";
import { postTransaction } from "./post-transaction";

export interface GrantCreditsInput {
  orgId: string;
  amount: number;
  /** Business key of the grant, e.g. "seed:starting-grant:<org>"; replays are no-ops. */
  key: string;
  reason: string;
  actorUserId: string | null;
}

/** Credits an org's wallet from the platform's grants account, audited. */
export async function grantCredits(input: GrantCreditsInput): Promise<{ granted: boolean }> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new RangeError("A grant must be a positive whole number of credits.");
  }
  return eventTransaction(async (tx) => {
    const wallet = await orgAccount(tx, input.orgId, "ORG_WALLET");
    const grants = await platformAccount(tx, "PLATFORM_GRANTS");
    const granted = await postTransaction(tx, {
      key: input.key,
      kind: "grant",
      orgId: input.orgId,
      memo: input.reason,
      lines: [
        { accountId: wallet.id, amount: input.amount },
        { accountId: grants.id, amount: -input.amount },
      ],
    });
    if (granted) {
      await recordAudit(tx, {
        orgId: input.orgId,
        actorUserId: input.actorUserId,
        action: "credits.granted",
        target: wallet.id,
        data: { amount: input.amount, reason: input.reason },
      });
      await recordEvent(tx, {
        orgId: input.orgId,
        type: "credits.granted",
        subject: { type: "wallet", id: wallet.id },
        actor: input.actorUserId ? { kind: "user", id: input.actorUserId } : { kind: "system", id: null },
        data: { amount: input.amount, reason: input.reason },
      });
    }
    return { granted };
  });
}
