"use client";

import { useMutation } from "@tanstack/react-query";
import { MessageCircleQuestion } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { fieldError } from "./field-error";

/** The agent's question and the buyer's answer box (state INPUT_REQUIRED). */
export function TaskReplyForm(props: {
  orgId: string;
  taskId: string;
  agentName: string;
  question: string;
  canReply: boolean;
  onReplied: () => void;
}) {
  const trpc = useTRPC();
  const [text, setText] = useState("");
  const reply = useMutation(
    trpc.tasks.reply.mutationOptions({
      onSuccess: () => {
        setText("");
        props.onReplied();
      },
    }),
  );
  return (
    <Alert variant="warning" icon={<MessageCircleQuestion />}>
      <AlertTitle>{props.agentName} needs your input</AlertTitle>
      <AlertDescription className="space-y-3">
        <p className="whitespace-pre-line" data-testid="agent-question">
          {props.question}
        </p>
        {props.canReply ? (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              reply.mutate({ orgId: props.orgId, taskId: props.taskId, text });
            }}
          >
            <Field label="Your answer" error={fieldError(reply.error, "text") ?? reply.error?.message}>
              <Textarea
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={3}
                className="bg-background text-foreground"
              />
            </Field>
            <Button type="submit" loading={reply.isPending} disabled={!text.trim()}>
              Send answer
            </Button>
          </form>
        ) : (
          <p>Members of your organization can answer; viewers cannot.</p>
        )}
      </AlertDescription>
    </Alert>
  );
}
