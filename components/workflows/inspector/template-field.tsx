"use client";

import { useRef } from "react";
import type { FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { caretAt, issueOffset } from "../lib/issues";
import type { GraphIssue } from "../lib/types";
import type { NodeForm, NodeFormValues } from "./use-node-form";

/**
 * A Liquid template or expression. An issue that knows its position draws
 * the offending line under the field with a caret at the character, and
 * "Select it" puts the cursor there. Positions are read against the text
 * the validator saw (the graph's), not the keystrokes since.
 */
export function TemplateField({
  form,
  name,
  label,
  description,
  issues,
  validatedText,
  rows = 5,
  placeholder,
}: {
  form: NodeForm;
  name: FieldPath<NodeFormValues>;
  label: string;
  description?: string;
  issues: readonly GraphIssue[];
  validatedText: string;
  rows?: number;
  placeholder?: string;
}) {
  const element = useRef<HTMLTextAreaElement | null>(null);
  const { ref, ...field } = form.register(name);
  const error = form.getFieldState(name, form.formState).error?.message;
  return (
    <div className="grid gap-2">
      <Field label={label} description={description} error={error}>
        <Textarea
          {...field}
          ref={(el) => {
            ref(el);
            element.current = el;
          }}
          rows={rows}
          placeholder={placeholder}
          spellCheck={false}
          className="min-h-0 font-mono text-xs"
          aria-invalid={issues.some((i) => i.severity === "error") || undefined}
        />
      </Field>
      {issues.map((issue, index) => {
        const offset = issueOffset(validatedText, issue.position);
        const caret = offset === null ? null : caretAt(validatedText, offset);
        const tone = issue.severity === "error" ? "destructive" : "warning";
        return (
          <div
            key={`${issue.code}-${index}`}
            data-testid="field-issue"
            className={cn(
              "grid gap-1 rounded-md border px-2.5 py-2 text-xs",
              tone === "destructive" ? "border-destructive/30 bg-destructive/5" : "border-warning/40 bg-warning/10",
            )}
          >
            <p className={cn("font-medium", tone === "destructive" ? "text-destructive" : "text-warning-foreground")}>
              {issue.message}
            </p>
            {caret && offset !== null ? (
              <>
                <pre
                  className="overflow-x-auto font-mono text-[11px] leading-4 text-foreground"
                  data-testid="issue-caret"
                >
                  {caret.lineText || " "}
                  {"\n"}
                  <span className={tone === "destructive" ? "text-destructive" : "text-warning-foreground"}>
                    {" ".repeat(caret.column - 1)}^
                  </span>
                </pre>
                <div className="flex items-center justify-between gap-2 text-muted-foreground">
                  <span>
                    Line {caret.line}, column {caret.column}
                  </span>
                  <Button
                    type="button"
                    variant="link"
                    size="sm"
                    className="text-xs"
                    onClick={() => {
                      const el = element.current;
                      if (!el) return;
                      el.focus();
                      el.setSelectionRange(offset, Math.min(offset + 1, el.value.length));
                    }}
                  >
                    Select it
                  </Button>
                </div>
              </>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
