import { notFound } from "next/navigation";
import { TaskDetailView } from "@/components/tasks/task-detail-view";
import { parsePathParam, zId } from "@/server/schemas/primitives";

export const metadata = { title: "Run" };

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const id = parsePathParam(zId, (await params).id) ?? notFound();
  return <TaskDetailView taskId={id} />;
}
