import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function AdminLoading() {
  return <PageSkeleton label="Loading the admin page…" layout="cards" />;
}
