import "server-only";
import { at, defineTemplate, edges } from "./define-template";

/** Research → write → copy-edit → legal check → approval → output, on Northwind's writing and compliance agents. */
export const blogPostLegalReview = defineTemplate({
  id: "blog-post-legal-review",
  name: "Blog post with legal review",
  description:
    "Researches a topic, drafts a post for your audience, copy-edits it, screens it for privacy and legal " +
    "claims, and waits for an admin's approval before handing back the final text.",
  category: "content",
  sampleInput: {
    topic: "How small retailers can use customer data responsibly",
    audience: "owners of independent shops",
    keyPoints: ["collect only what you need", "say how long you keep it", "let customers opt out"],
  },
  graph: {
    nodes: [
      { id: "start", name: "Start", type: "trigger", position: at(0, 0), config: { kind: "manual" } },
      {
        id: "research",
        name: "Research the topic",
        type: "agent",
        position: at(0, 1),
        config: {
          target: { kind: "listing", slug: "northwind-research-analyst" },
          template:
            "Write a research brief on: {{ input.topic }}.\n" +
            "The readers are {{ input.audience }}. Cover these points: {{ input.keyPoints | join: '; ' }}.",
          retry: { maxAttempts: 2, backoffSeconds: 30 },
        },
      },
      {
        id: "write",
        name: "Write the draft",
        type: "agent",
        position: at(0, 2),
        config: {
          target: { kind: "listing", slug: "northwind-blog-writer" },
          template:
            'Draft a blog post titled around "{{ input.topic }}" for {{ input.audience }}.\n' +
            "Build it on this research brief:\n\n{{ steps.research.output }}",
        },
      },
      {
        id: "copy_edit",
        name: "Copy-edit",
        type: "agent",
        position: at(0, 3),
        config: {
          target: { kind: "listing", slug: "northwind-copy-editor" },
          template: "Line-edit this blog post draft:\n\n{{ steps.write.output }}",
        },
      },
      {
        id: "legal_check",
        name: "Legal and privacy check",
        type: "agent",
        position: at(0, 4),
        config: {
          target: { kind: "listing", slug: "northwind-privacy-auditor" },
          template:
            "Screen this blog post for privacy and data-protection claims before we publish it:\n\n" +
            "{{ steps.write.output }}",
        },
      },
      {
        id: "approve",
        name: "Approve publication",
        type: "approval",
        position: at(0, 5),
        config: {
          approvers: { roles: ["owner", "admin"], userIds: [] },
          template:
            "## Draft\n{{ steps.write.output }}\n\n## Copy edits\n{{ steps.copy_edit.output }}\n\n" +
            "## Legal and privacy check\n{{ steps.legal_check.output }}",
          deadlineHours: 48,
          onTimeout: "reject",
        },
      },
      {
        id: "final_post",
        name: "Final post",
        type: "output",
        position: at(0, 6),
        config: {
          template:
            "{{ steps.write.output }}\n\n---\nEditor's notes:\n{{ steps.copy_edit.output }}\n\n" +
            "Legal check:\n{{ steps.legal_check.output }}",
        },
      },
    ],
    edges: edges(
      ["start", "research"],
      ["research", "write"],
      ["write", "copy_edit"],
      ["copy_edit", "legal_check"],
      ["legal_check", "approve"],
      ["approve", "final_post"],
    ),
    budgetCapCredits: 600,
  },
});
