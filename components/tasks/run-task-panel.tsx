"use client";

import { useMutation } from "@tanstack/react-query";
import { Play, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { creditCount } from "@/components/format";
import { useOrg } from "@/components/providers/org-context";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { fieldError } from "./field-error";

/** Run an agent from its page: the request, the price, and any refusal inline. */
export function RunTaskPanel({
  agentSlug,
  price,
  placeholder,
  text: controlledText,
  onTextChange,
}: {
  agentSlug: string;
  price: number;
  placeholder?: string;
  /** The request's text, when the page holds it (an example prompt clicked elsewhere fills it). */
  text?: string;
  onTextChange?: (text: string) => void;
}) {
  const { org } = useOrg();
  const trpc = useTRPC();
  const router = useRouter();
  const [ownText, setOwnText] = useState("");
  const text = controlledText ?? ownText;
  const setText = onTextChange ?? setOwnText;
  const start = useMutation(
    trpc.tasks.start.mutationOptions({ onSuccess: (task) => router.push(`/tasks/${task.id}`) }),
  );
  const error = start.error;
  const textError = fieldError(error, "text");
  const refusal = error && !textError ? error : null;
  // Both are fixed on the Credits page (buy credits, raise the cap).
  const creditsRefusal =
    refusal?.data?.domainCode === "insufficient_credits" || refusal?.data?.domainCode === "budget_exceeded";
  const viewer = org.role === "viewer";
  // `next dev` compiles a route on its first request, which took ~5 s here:
  // longer than a demo run, so the first run's page said "Connecting…" until
  // it was over. Warm the live route while the buyer writes the request.
  useEffect(() => {
    if (process.env.NODE_ENV !== "development") return;
    void fetch(`/api/events/tasks/warm-up?orgId=${encodeURIComponent(org.id)}`).catch(() => undefined);
  }, [org.id]);

  return (
    <Card data-testid="run-task-panel">
      <CardHeader>
        <CardTitle>Run this agent</CardTitle>
        <CardDescription>
          As {org.name}.{" "}
          {price > 0
            ? `${creditCount(price)} are held while it runs and charged only if it completes.`
            : "Free to run."}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {viewer ? (
          <p className="text-sm text-muted-foreground">
            Viewers cannot run tasks. Ask an admin of {org.name} for the member role.
          </p>
        ) : (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              start.mutate({ orgId: org.id, agentSlug, text });
            }}
          >
            <Field label="What should it do?" error={textError}>
              <Textarea
                id="run-task-text"
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={5}
                maxLength={20_000}
                placeholder={placeholder ?? "Describe the task…"}
              />
            </Field>
            {refusal ? (
              <Alert variant="destructive" icon={<TriangleAlert />}>
                <AlertTitle>{creditsRefusal ? "Not enough credits or budget" : "Could not start the run"}</AlertTitle>
                <AlertDescription>
                  {refusal.message}
                  {creditsRefusal ? (
                    <>
                      {" "}
                      <Link href="/credits" className="font-medium underline underline-offset-2">
                        Go to Credits
                      </Link>
                    </>
                  ) : null}
                </AlertDescription>
              </Alert>
            ) : null}
            <Button
              type="submit"
              className="w-full"
              loading={start.isPending || start.isSuccess}
              disabled={!text.trim()}
            >
              <Play aria-hidden />
              {price > 0 ? `Run for ${creditCount(price)}` : "Run for free"}
            </Button>
          </form>
        )}
      </CardContent>
    </Card>
  );
}
