import "server-only";
import { at, defineTemplate, edges } from "./define-template";

/** A ticket arrives by webhook; a recurring or billing question becomes an FAQ update, the rest a routing note. */
export const supportTicketFaqUpdate = defineTemplate({
  id: "support-ticket-faq-update",
  name: "Support ticket triage to FAQ update",
  description:
    "Triages each incoming ticket. When it is a billing question or one customers keep asking, drafts an FAQ " +
    "entry, copy-edits it and asks an admin to approve it; otherwise writes a routing note for the support queue.",
  category: "support",
  sampleInput: {
    ticketId: "T-20931",
    customer: "account 4471",
    message: "I was charged twice for my subscription this month and the invoice page shows both payments.",
    similarTickets: 6,
  },
  graph: {
    nodes: [
      { id: "ticket", name: "New ticket (webhook)", type: "trigger", position: at(0, 0), config: { kind: "webhook" } },
      {
        id: "triage",
        name: "Triage the ticket",
        type: "agent",
        position: at(0, 1),
        config: {
          target: { kind: "listing", slug: "northwind-support-triage" },
          template: "Ticket {{ input.ticketId }} from {{ input.customer }}:\n\n{{ input.message }}",
        },
      },
      {
        id: "faq_worthy",
        name: "Worth an FAQ entry?",
        type: "condition",
        position: at(0, 2),
        config: {
          expression: 'steps.triage.output contains "[x] Billing question" or input.similarTickets >= 3',
        },
      },
      {
        id: "faq_draft",
        name: "Draft the FAQ entry",
        type: "agent",
        position: at(-1, 3),
        config: {
          target: { kind: "listing", slug: "northwind-faq-builder" },
          template:
            "Outline an FAQ entry answering this customer question ({{ input.similarTickets | default: 1 }} " +
            "similar tickets so far):\n\n{{ input.message }}\n\nTriage notes:\n{{ steps.triage.output }}",
        },
      },
      {
        id: "faq_edit",
        name: "Copy-edit the entry",
        type: "agent",
        position: at(-1, 4),
        config: {
          target: { kind: "listing", slug: "northwind-copy-editor" },
          template: "Line-edit this FAQ entry for the help centre:\n\n{{ steps.faq_draft.output }}",
        },
      },
      {
        id: "faq_approve",
        name: "Approve the FAQ change",
        type: "approval",
        position: at(-1, 5),
        config: {
          approvers: { roles: ["admin"], userIds: [] },
          template:
            "Publish this FAQ update prompted by ticket {{ input.ticketId }}?\n\n{{ steps.faq_draft.output }}\n\n" +
            "Editor's notes:\n{{ steps.faq_edit.output }}",
          deadlineHours: 72,
          onTimeout: "reject",
        },
      },
      {
        id: "faq_update",
        name: "FAQ update",
        type: "output",
        position: at(-1, 6),
        config: { template: "{{ steps.faq_draft.output }}\n\n{{ steps.faq_edit.output }}" },
      },
      {
        id: "routing_note",
        name: "Routing note",
        type: "transform",
        position: at(1, 3),
        config: {
          format: "json",
          template:
            '{ "ticketId": {{ input.ticketId | json }}, "route": "support queue", ' +
            '"triage": {{ steps.triage.output | json }} }',
        },
      },
      {
        id: "routed",
        name: "Routed to the queue",
        type: "output",
        position: at(1, 4),
        config: { format: "json", template: "{{ steps.routing_note.data | json }}" },
      },
    ],
    edges: edges(
      ["ticket", "triage"],
      ["triage", "faq_worthy"],
      ["faq_worthy", "faq_draft", "true"],
      ["faq_draft", "faq_edit"],
      ["faq_edit", "faq_approve"],
      ["faq_approve", "faq_update"],
      ["faq_worthy", "routing_note", "false"],
      ["routing_note", "routed"],
    ),
    budgetCapCredits: 200,
  },
});
