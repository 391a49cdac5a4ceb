import { Skeleton } from "@/components/ui/skeleton";

/** The builder's shape while it loads: title, actions, then the canvas. */
export function BuilderSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading the workflow">
      <div className="flex items-start justify-between gap-4">
        <div className="grid flex-1 gap-2">
          <Skeleton className="h-8 w-72 max-w-full" />
          <Skeleton className="h-5 w-96 max-w-full" />
        </div>
        <Skeleton className="hidden h-8 w-64 sm:block" />
      </div>
      <Skeleton className="h-[calc(100dvh-12rem)] min-h-[26rem] w-full rounded-xl" />
    </div>
  );
}
