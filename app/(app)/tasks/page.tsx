import { TasksView } from "@/components/tasks/tasks-view";

export const metadata = { title: "Runs" };

export default function TasksPage() {
  return <TasksView />;
}
