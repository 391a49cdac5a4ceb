import type { inferRouterOutputs } from "@trpc/server";
import Link from "next/link";
import { formatMoney } from "@/components/billing/format-money";
import { formatCredits, formatDateTime } from "@/components/format";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { StatementKind } from "@/server/schemas/statement-kinds";
import type { AppRouter } from "@/server/trpc/root";
import { formatChange, KIND_LABEL } from "./statement-format";

export type StatementLine = inferRouterOutputs<AppRouter>["credits"]["statement"]["items"][number];

const KIND_VARIANT: Record<StatementKind, NonNullable<BadgeProps["variant"]>> = {
  grant: "success",
  purchase: "success",
  hold: "outline",
  charge: "secondary",
  release: "outline",
  refund: "destructive",
};

function What({ line }: { line: StatementLine }) {
  const ref = line.reference;
  if (ref?.type === "task") {
    const verb = line.kind === "hold" ? "Reserved for" : line.kind === "charge" ? "Charged for" : "Returned from";
    return (
      <>
        {verb} a run of{" "}
        <Link href={`/tasks/${ref.taskId}`} className="font-medium text-foreground hover:underline">
          {ref.agentName ?? "an agent"}
        </Link>
        {line.kind === "release" && line.memo ? (
          <span className="block text-xs text-muted-foreground">{line.memo}</span>
        ) : null}
      </>
    );
  }
  if (ref?.type === "purchase") {
    return (
      <>
        {line.kind === "refund" ? "Refund of the " : ""}
        <Link href={`/credits/receipts/${ref.purchaseId}`} className="font-medium text-foreground hover:underline">
          {formatCredits(ref.credits)}-credit pack
        </Link>
        {line.kind === "refund" ? "" : ` for ${formatMoney(ref.amountCents, ref.currency)}`}
      </>
    );
  }
  return <>{line.memo ?? (line.kind === "grant" ? "Credits granted" : "Adjustment")}</>;
}

/** Statement lines: what happened, the change to each balance, and the balances after it. */
export function StatementTable({ lines }: { lines: StatementLine[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Date</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>What</TableHead>
          <TableHead className="text-right">Available</TableHead>
          <TableHead className="text-right">On hold</TableHead>
          <TableHead className="text-right">Balance</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {lines.map((line) => (
          <TableRow key={line.id} data-testid="statement-line" data-kind={line.kind ?? "other"}>
            <TableCell className="whitespace-nowrap text-muted-foreground">
              <time dateTime={line.createdAt.toISOString()}>{formatDateTime(line.createdAt)}</time>
            </TableCell>
            <TableCell>
              <Badge variant={line.kind ? KIND_VARIANT[line.kind] : "outline"}>
                {line.kind ? KIND_LABEL[line.kind] : "Other"}
              </Badge>
            </TableCell>
            <TableCell className="min-w-56 text-muted-foreground">
              <What line={line} />
            </TableCell>
            <TableCell
              className={cn(
                "text-right whitespace-nowrap tabular-nums",
                line.available > 0 && "text-success",
                line.available < 0 && "text-foreground",
              )}
            >
              {formatChange(line.available)}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap text-muted-foreground tabular-nums">
              {formatChange(line.held)}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              <span className="font-medium" data-testid="statement-balance">
                {formatCredits(line.availableAfter)}
              </span>
              {line.heldAfter !== 0 ? (
                <span className="block text-xs text-muted-foreground">{formatCredits(line.heldAfter)} on hold</span>
              ) : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
