import { formatCredits } from "@/components/format";
import type { StatementKind } from "@/server/schemas/statement-kinds";

export const KIND_LABEL: Record<StatementKind, string> = {
  grant: "Grant",
  purchase: "Purchase",
  hold: "Hold",
  charge: "Charge",
  release: "Release",
  refund: "Refund",
};

/** "+1,000", "−30", or "—" for no change, with a real minus sign. */
export function formatChange(value: number): string {
  if (value === 0) return "—";
  return value > 0 ? `+${formatCredits(value)}` : `−${formatCredits(-value)}`;
}
