"use client";

import { useMutation } from "@tanstack/react-query";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import { formatDateTime, plural } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

const REASON: Record<string, string> = {
  prev_hash_mismatch: "it does not point at the entry before it (an entry was removed, added or reordered)",
  hash_mismatch: "its content no longer matches its hash (it was edited)",
  unknown_scheme: "it was hashed with a scheme this Bureau does not know",
  scheme_downgrade: "it uses an older hash scheme than the entries before it",
};

const entries = (n: number) => plural(n, { one: "entry", other: "entries" });

/** Re-walks the org's hash chain on demand and says whether every entry is as written. */
export function VerifyChainCard({ orgId }: { orgId: string }) {
  const trpc = useTRPC();
  const verify = useMutation(trpc.orgs.verifyAuditLog.mutationOptions());
  const result = verify.data;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Integrity</CardTitle>
        <CardDescription>
          Each entry carries a hash of itself and of the entry before it, so an edited, removed or inserted entry breaks
          the chain. Verifying recomputes every hash.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <Button variant="outline" loading={verify.isPending} onClick={() => verify.mutate({ orgId })}>
          <ShieldCheck aria-hidden /> Verify chain
        </Button>
        {verify.error ? (
          <Alert variant="destructive">
            <AlertDescription>{verify.error.message}</AlertDescription>
          </Alert>
        ) : null}
        {result?.ok ? (
          <Alert variant="success" icon={<ShieldCheck />} data-testid="chain-verdict" data-ok="true">
            <AlertTitle>Chain intact</AlertTitle>
            <AlertDescription>
              {entries(result.rows)} verified at {formatDateTime(result.checkedAt)}
              {result.lastHash ? (
                <>
                  ; latest hash <code className="break-all">{result.lastHash.slice(0, 16)}…</code>
                </>
              ) : null}
              .
            </AlertDescription>
          </Alert>
        ) : null}
        {result && !result.ok ? (
          <Alert variant="destructive" icon={<ShieldAlert />} data-testid="chain-verdict" data-ok="false">
            <AlertTitle>Chain broken at entry #{result.brokenAt}</AlertTitle>
            <AlertDescription>
              {entries(result.rows)} before it verified; that entry fails because{" "}
              {REASON[result.reason] ?? result.reason}. Report this to your Bureau administrator.
            </AlertDescription>
          </Alert>
        ) : null}
      </CardContent>
    </Card>
  );
}
