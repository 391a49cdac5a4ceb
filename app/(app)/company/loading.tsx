import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function CompanyLoading() {
  return <PageSkeleton label="Loading the company…" layout="stats" />;
}
