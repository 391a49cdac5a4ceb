import "server-only";
import { at, defineTemplate, edges, inLoop, loopAt } from "./define-template";

/** Segment a page once, then review its localization for every language in `input.languages`, three at a time. */
export const localizePage = defineTemplate({
  id: "localize-page",
  name: "Localize a page into N languages",
  description:
    "Splits a page into translation units with a glossary, then reviews the localization for each language you " +
    "list, up to three languages at once, and asks a member to approve the set.",
  category: "localization",
  sampleInput: {
    pageTitle: "Pricing",
    sourceText:
      "Choose the plan that fits your team. Every plan includes unlimited projects. Upgrade or cancel at any time.",
    languages: ["French", "German", "Japanese"],
  },
  graph: {
    nodes: [
      { id: "request", name: "Requested by API", type: "trigger", position: at(0, 0), config: { kind: "api" } },
      {
        id: "segment",
        name: "Segment the page",
        type: "agent",
        position: at(0, 1),
        config: {
          target: { kind: "listing", slug: "northwind-localization-prep" },
          template: 'Segment the "{{ input.pageTitle }}" page for translation:\n\n{{ input.sourceText }}',
        },
      },
      {
        id: "each_language",
        name: "Each language",
        type: "loop",
        position: loopAt(0, 2),
        config: { items: "input.languages", concurrency: 3, maxItems: 10 },
      },
      {
        id: "review",
        name: "Review the localization",
        type: "agent",
        parentId: "each_language",
        position: inLoop(0),
        config: {
          target: { kind: "listing", slug: "northwind-translation-reviewer" },
          template:
            'Review the {{ item }} localization of the "{{ input.pageTitle }}" page. Source units and glossary:' +
            "\n\n{{ steps.segment.output }}",
          retry: { maxAttempts: 2, backoffSeconds: 20 },
        },
      },
      {
        id: "language_result",
        name: "Language result",
        type: "transform",
        parentId: "each_language",
        position: inLoop(1),
        config: {
          format: "json",
          template:
            '{ "language": {{ item | json }}, "position": {{ index }}, "review": {{ steps.review.output | json }} }',
        },
      },
      {
        id: "approve",
        name: "Approve the translations",
        type: "approval",
        position: at(0, 5),
        config: {
          approvers: { roles: ["member", "admin", "owner"], userIds: [] },
          template:
            "Approve the localized \"{{ input.pageTitle }}\" page in {{ input.languages | join: ', ' }}:\n\n" +
            "{% for result in steps.each_language.data %}## {{ result.language }}\n{{ result.review }}\n\n{% endfor %}",
          deadlineHours: 48,
          onTimeout: "reject",
        },
      },
      {
        id: "localized",
        name: "Localized page",
        type: "output",
        position: at(0, 6),
        config: {
          format: "json",
          template: '{ "page": {{ input.pageTitle | json }}, "languages": {{ steps.each_language.data | json }} }',
        },
      },
    ],
    edges: edges(
      ["request", "segment"],
      ["segment", "each_language"],
      ["review", "language_result"],
      ["each_language", "approve"],
      ["approve", "localized"],
    ),
    budgetCapCredits: 1_200,
  },
});
