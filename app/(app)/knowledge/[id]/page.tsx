import { notFound } from "next/navigation";
import { EntityView } from "@/components/knowledge/entity-view";
import { parsePathParam, zId } from "@/server/schemas/primitives";

export const metadata = { title: "Knowledge entity" };

export default async function KnowledgeEntityPage(props: { params: Promise<{ id: string }> }) {
  const id = parsePathParam(zId, (await props.params).id) ?? notFound();
  return <EntityView id={id} />;
}
