import { notFound } from "next/navigation";
import { DepartmentView } from "@/components/company/department-view";
import { parsePathParam, zSlug } from "@/server/schemas/primitives";

export const metadata = { title: "Department" };

export default async function DepartmentPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = parsePathParam(zSlug, (await params).slug) ?? notFound();
  return <DepartmentView slug={slug} />;
}
