"use client";

import { Sparkles } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { useCatalogNavigation } from "./catalog-navigation";

export const NEED_EXAMPLES = [
  "Reconcile this month's card charges against our invoice lines",
  "Prepare our release note for translation into German and French",
  "Write a job description for a senior data engineer",
];

/** The need goes into the URL (?tab=describe&need=…); the server finds the matches. */
export function DescribeNeedForm({ error }: { error?: string }) {
  const { values, update, pending } = useCatalogNavigation();
  const [draft, setDraft] = useState(values.need);
  const [seen, setSeen] = useState(values.need);
  if (values.need !== seen) {
    setSeen(values.need);
    setDraft(values.need);
  }
  const tooShort = draft.trim().length < 3;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort) update({ tab: "describe", need: draft.trim() });
  };
  return (
    <form onSubmit={submit} className="space-y-3">
      <Field
        label="Describe what you need"
        description="Plain words are fine. Bureau matches them against every agent's skills and examples."
        error={error}
      >
        <Textarea
          rows={3}
          placeholder={NEED_EXAMPLES[0]}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          maxLength={1000}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={tooShort} loading={pending}>
          <Sparkles aria-hidden />
          Find agents
        </Button>
        <span className="text-sm text-muted-foreground">Try:</span>
        {NEED_EXAMPLES.slice(1).map((example) => (
          <button
            key={example}
            type="button"
            className="text-left text-sm text-primary hover:underline"
            onClick={() => {
              setDraft(example);
              update({ tab: "describe", need: example });
            }}
          >
            {example}
          </button>
        ))}
      </div>
    </form>
  );
}
