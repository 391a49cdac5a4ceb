import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

export const alertVariants = cva(
  [
    "relative grid w-full items-start gap-x-3 gap-y-0.5 rounded-lg border px-4 py-3 text-sm",
    "[&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  ],
  {
    variants: {
      variant: {
        default: "border-border bg-card text-card-foreground [&>svg]:text-muted-foreground",
        destructive: "border-destructive/30 bg-destructive/5 text-destructive [&>svg]:text-destructive",
        success: "border-success/30 bg-success/5 text-success [&>svg]:text-success",
        warning: "border-warning/40 bg-warning/10 text-warning-foreground dark:text-warning [&>svg]:text-warning",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

export type AlertProps = ComponentProps<"div"> &
  VariantProps<typeof alertVariants> & {
    /** Leading icon, e.g. `<TriangleAlert />` from lucide-react. */
    icon?: ReactNode;
  };

/**
 * role="alert" for destructive/warning (announced immediately), role="status" otherwise.
 * Override with the `role` prop if needed.
 */
export function Alert({ className, variant, icon, children, role, ...props }: AlertProps) {
  const defaultRole = variant === "destructive" || variant === "warning" ? "alert" : "status";
  return (
    <div
      role={role ?? defaultRole}
      data-variant={variant ?? "default"}
      className={cn(alertVariants({ variant }), icon ? "grid-cols-[auto_1fr]" : "grid-cols-1", className)}
      {...props}
    >
      {icon}
      <div className="grid min-w-0 gap-0.5">{children}</div>
    </div>
  );
}

export function AlertTitle({ className, ...props }: ComponentProps<"h5">) {
  return <h5 className={cn("leading-5 font-medium tracking-tight", className)} {...props} />;
}

export function AlertDescription({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("text-sm leading-relaxed opacity-90 [&_p]:leading-relaxed", className)} {...props} />;
}
