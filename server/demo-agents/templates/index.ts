import "server-only";
import type { DemoTemplateOptions } from "../types";
import { renderReview, renderSegments, renderSummary } from "./prose";
import { renderStats } from "./stats";
import { renderChecklist, renderDraft, renderOutline } from "./structure";

const DEFAULT_SECTIONS = ["Context", "Main points", "Next steps"];

/** The deterministic markdown answer of a persona-style agent for one input. */
export function renderTemplate(options: DemoTemplateOptions, input: string): string {
  switch (options.template) {
    case "summary":
      return renderSummary(input);
    case "outline":
      return renderOutline(input, options.sections ?? DEFAULT_SECTIONS);
    case "checklist":
      return renderChecklist(input, options.checks ?? []);
    case "stats":
      return renderStats(input);
    case "review":
      return renderReview(input);
    case "segment":
      return renderSegments(input);
    case "draft":
      return renderDraft(input, options.sections ?? DEFAULT_SECTIONS);
  }
}
