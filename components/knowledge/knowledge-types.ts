import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["knowledge"];

/** The shapes the knowledge pages read, straight from the procedures' declared outputs. */
export type SearchAnswer = Outputs["search"];
export type SearchResult = SearchAnswer["results"][number];
export type EntityList = Outputs["entities"];
export type EntityListItem = EntityList["items"][number];
export type EntityDetail = Outputs["entity"];
export type Observation = EntityDetail["observations"][number];
export type Provenance = Observation["provenance"];
export type Relation = EntityDetail["relations"][number];
export type Neighbourhood = Outputs["neighbourhood"];
export type Revision = Outputs["history"]["items"][number];
export type KnowledgeScopes = Outputs["scopes"];
export type Proposal = Outputs["proposals"][number];
export type Policy = Outputs["policies"][number];
