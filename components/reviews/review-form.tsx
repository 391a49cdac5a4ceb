"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { formatRelative } from "@/components/format";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { fieldError } from "@/components/tasks/field-error";
import { StarInput, Stars } from "./star-rating";

export interface OwnReview {
  rating: number;
  text: string;
  sellerReply: string | null;
  updatedAt: Date;
}

/** The org's review of an agent it ran: shown once written, editable any time. */
export function ReviewForm(props: {
  orgId: string;
  agentSlug: string;
  agentName: string;
  existing: OwnReview | null;
  canWrite: boolean;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const [editing, setEditing] = useState(props.existing === null);
  const [rating, setRating] = useState(props.existing?.rating ?? 0);
  const [text, setText] = useState(props.existing?.text ?? "");
  const save = useMutation(
    trpc.reviews.upsert.mutationOptions({
      onSuccess: () => {
        setEditing(false);
        toast.success("Review saved. Thanks!");
        props.onSaved();
      },
    }),
  );
  const ratingError = fieldError(save.error, "rating");
  const textError = fieldError(save.error, "text");

  return (
    <Card data-testid="review-card">
      <CardHeader>
        <CardTitle>{props.existing ? "Your review" : `Rate ${props.agentName}`}</CardTitle>
        <CardDescription>Reviews show on the agent&apos;s page under your organization&apos;s name.</CardDescription>
      </CardHeader>
      <CardContent>
        {!editing && props.existing ? (
          <div className="space-y-2 text-sm">
            <div className="flex items-center gap-2">
              <Stars rating={props.existing.rating} />
              <span className="text-muted-foreground">updated {formatRelative(props.existing.updatedAt)}</span>
            </div>
            {props.existing.text ? <p className="whitespace-pre-line">{props.existing.text}</p> : null}
            {props.existing.sellerReply ? (
              <p className="border-l-2 border-border pl-3 text-muted-foreground">
                <span className="font-medium">Seller reply:</span> {props.existing.sellerReply}
              </p>
            ) : null}
            {props.canWrite ? (
              <Button variant="outline" size="sm" onClick={() => setEditing(true)}>
                Edit review
              </Button>
            ) : null}
          </div>
        ) : props.canWrite ? (
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ orgId: props.orgId, agentSlug: props.agentSlug, rating, text });
            }}
          >
            <div className="grid gap-1.5">
              <span className="text-sm font-medium">Rating</span>
              <StarInput value={rating} onChange={setRating} disabled={save.isPending} />
              {ratingError ? (
                <p role="alert" className="text-xs font-medium text-destructive">
                  {ratingError}
                </p>
              ) : null}
            </div>
            <Field label="Review (optional)" error={textError ?? (ratingError ? undefined : save.error?.message)}>
              <Textarea
                value={text}
                onChange={(e) => setText(e.target.value)}
                rows={3}
                maxLength={2_000}
                placeholder="What went well, what could be better?"
              />
            </Field>
            <div className="flex gap-2">
              <Button type="submit" loading={save.isPending} disabled={rating === 0}>
                {props.existing ? "Save review" : "Post review"}
              </Button>
              {props.existing ? (
                <Button type="button" variant="ghost" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              ) : null}
            </div>
          </form>
        ) : (
          <p className="text-sm text-muted-foreground">
            Members of your organization can review agents; viewers cannot.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
