"use client";

import { useMutation } from "@tanstack/react-query";
import { FlaskConical, TriangleAlert } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldError } from "@/components/tasks/field-error";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { Textarea } from "@/components/ui/textarea";

/**
 * A free test run of a draft against its endpoint. It runs like any task of
 * this org, so the run page shows the same live timeline buyers see; nothing
 * is held or charged, and it counts toward none of the listing's numbers.
 */
export function TestRunCard({ orgId, agentId, examples }: { orgId: string; agentId: string; examples: string[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState("");
  const start = useMutation(trpc.sell.testRun.mutationOptions({ onSuccess: (run) => router.push(`/tasks/${run.id}`) }));
  const textError = fieldError(start.error, "text");
  const refusal = start.error && !textError ? start.error.message : null;
  return (
    <Card data-testid="test-run-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FlaskConical className="size-4" aria-hidden />
          Test run
        </CardTitle>
        <CardDescription>
          Free: runs this draft against its endpoint and shows the live timeline. No credits move.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            start.mutate({ orgId, agentId, text });
          }}
        >
          <Field label="Request" error={textError}>
            <Textarea
              value={text}
              onChange={(e) => setText(e.target.value)}
              rows={4}
              maxLength={20_000}
              placeholder={examples[0] ?? "What should the agent do?"}
            />
          </Field>
          {examples.length > 0 ? (
            <div className="flex flex-wrap gap-1.5" aria-label="Examples from the card">
              {examples.slice(0, 3).map((example) => (
                <button
                  key={example}
                  type="button"
                  onClick={() => setText(example)}
                  title={example}
                  className={cn(
                    "max-w-full truncate rounded-full border border-border px-2.5 py-0.5 text-left text-xs",
                    "text-muted-foreground hover:bg-accent hover:text-accent-foreground",
                  )}
                >
                  {example}
                </button>
              ))}
            </div>
          ) : null}
          {refusal ? (
            <Alert variant="destructive" icon={<TriangleAlert />}>
              <AlertDescription>{refusal}</AlertDescription>
            </Alert>
          ) : null}
          <Button type="submit" className="w-full" loading={start.isPending || start.isSuccess} disabled={!text.trim()}>
            <FlaskConical aria-hidden />
            Run a free test
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
