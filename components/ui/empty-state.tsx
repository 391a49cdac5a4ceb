import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export type EmptyStateProps = Omit<ComponentProps<"div">, "title"> & {
  /** A lucide icon element, e.g. `<Inbox />`. */
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  /** Optional call to action, e.g. a <Button>. */
  action?: ReactNode;
};

export function EmptyState({ icon, title, description, action, className, ...props }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center gap-3 rounded-xl border border-dashed border-border",
        "px-6 py-12 text-center",
        className,
      )}
      {...props}
    >
      {icon ? (
        <div
          aria-hidden="true"
          className={cn(
            "flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground",
            "[&_svg]:size-5",
          )}
        >
          {icon}
        </div>
      ) : null}
      <div className="grid max-w-sm gap-1">
        <h3 className="text-sm font-semibold text-foreground">{title}</h3>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action ? <div className="mt-1 flex items-center gap-2">{action}</div> : null}
    </div>
  );
}
