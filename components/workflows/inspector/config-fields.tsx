"use client";

import type { WorkflowNode } from "@/server/schemas/workflow-graph";
import type { GraphIssue, ListingOption, MemberOption, WorkflowOption } from "../lib/types";
import { AgentFields } from "./agent-fields";
import { ApprovalFields } from "./approval-fields";
import {
  ConditionFields,
  DelayFields,
  JoinFields,
  LoopFields,
  ParallelFields,
  SubworkflowFields,
  TemplateFormatFields,
} from "./flow-fields";
import { TriggerFields } from "./trigger-fields";
import type { NodeForm } from "./use-node-form";

export type PickerOptions = {
  listings: readonly ListingOption[];
  members: readonly MemberOption[];
  workflows: readonly WorkflowOption[];
};

/** The settings of one node type. */
export function ConfigFields({
  form,
  node,
  issues,
  options,
}: {
  form: NodeForm;
  node: WorkflowNode;
  issues: readonly GraphIssue[];
  options: PickerOptions;
}) {
  switch (node.type) {
    case "trigger":
      return <TriggerFields form={form} node={node} />;
    case "agent":
      return <AgentFields form={form} node={node} issues={issues} listings={options.listings} />;
    case "condition":
      return <ConditionFields form={form} node={node} issues={issues} />;
    case "parallel":
      return <ParallelFields form={form} node={node} issues={issues} />;
    case "join":
      return <JoinFields form={form} node={node} issues={issues} />;
    case "approval":
      return <ApprovalFields form={form} node={node} issues={issues} members={options.members} />;
    case "transform":
    case "output":
      return <TemplateFormatFields form={form} node={node} issues={issues} />;
    case "loop":
      return <LoopFields form={form} node={node} issues={issues} />;
    case "subworkflow":
      return <SubworkflowFields form={form} node={node} issues={issues} workflows={options.workflows} />;
    case "delay":
      return <DelayFields form={form} node={node} issues={issues} />;
  }
}
