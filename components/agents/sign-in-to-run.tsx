"use client";

import { LogIn } from "lucide-react";
import Link from "next/link";
import { authHref } from "@/components/auth/safe-next";
import { creditCount } from "@/components/format";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

/** Who is reading an agent page: a member of an org can run it; others are asked in first. */
export type Visitor = "member" | "no-org" | "signed-out";

/** A request carried through sign-in in the URL stays short enough for any browser. */
const MAX_CARRIED = 2000;

/**
 * The run form for visitors who cannot run yet: they may write the request
 * already, and signing in (or up, or creating an organization) brings them
 * back to this agent with it filled in (?prompt=…).
 */
export function SignInToRun(props: {
  slug: string;
  price: number;
  placeholder: string;
  visitor: Exclude<Visitor, "member">;
  text: string;
  onTextChange: (text: string) => void;
}) {
  const prompt = props.text.trim().slice(0, MAX_CARRIED);
  const back = `/agents/${encodeURIComponent(props.slug)}${prompt ? `?prompt=${encodeURIComponent(prompt)}` : ""}`;
  const price =
    props.price > 0 ? `${creditCount(props.price)} per task, charged only if it completes.` : "Free to run.";
  return (
    <Card data-testid="run-task-panel">
      <CardHeader>
        <CardTitle>Run this agent</CardTitle>
        <CardDescription>
          {price}{" "}
          {props.visitor === "signed-out"
            ? "Sign in to run it with your organization's credits."
            : "Create your organization first: it holds the credits runs are paid from."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <Field label="What should it do?">
          <Textarea
            id="run-task-text"
            value={props.text}
            onChange={(e) => props.onTextChange(e.target.value)}
            rows={5}
            maxLength={MAX_CARRIED}
            placeholder={props.placeholder}
          />
        </Field>
        {props.visitor === "signed-out" ? (
          <>
            <Button asChild className="w-full">
              <Link href={authHref("/sign-in", back)}>
                <LogIn aria-hidden />
                Sign in to run
              </Link>
            </Button>
            <p className="text-center text-sm text-muted-foreground">
              New to Bureau?{" "}
              <Link href={authHref("/sign-up", back)} className="font-medium text-primary hover:underline">
                Create an account
              </Link>
            </p>
          </>
        ) : (
          <Button asChild className="w-full">
            <Link href={`/onboarding?next=${encodeURIComponent(back)}`}>Create your organization to run it</Link>
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
