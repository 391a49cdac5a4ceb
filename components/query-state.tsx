"use client";

import { TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";

/** Loading skeleton and error panel shared by every data-backed page section. */
export function QueryState(props: {
  isPending: boolean;
  error: { message: string } | null;
  onRetry: () => void;
  skeleton?: ReactNode;
  children: () => ReactNode;
}) {
  if (props.error) {
    return (
      <Alert variant="destructive" icon={<TriangleAlert />}>
        <AlertTitle>Could not load this section</AlertTitle>
        <AlertDescription className="flex items-center justify-between gap-4">
          <span>{props.error.message}</span>
          <Button size="sm" variant="outline" onClick={props.onRetry}>
            Try again
          </Button>
        </AlertDescription>
      </Alert>
    );
  }
  if (props.isPending) return <>{props.skeleton ?? <Skeleton className="h-40 w-full" />}</>;
  return <>{props.children()}</>;
}
