"use client";

import type { ComponentProps, CSSProperties } from "react";
import { Toaster as SonnerToaster, toast } from "sonner";

export type ToasterProps = ComponentProps<typeof SonnerToaster>;

/** Mount once in the root layout. Trigger toasts anywhere with `toast("…")`, `toast.success(…)`, `toast.error(…)`. */
export function Toaster({ toastOptions, ...props }: ToasterProps) {
  return (
    <SonnerToaster
      position="bottom-right"
      closeButton
      richColors={false}
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--success-bg": "var(--popover)",
          "--success-text": "var(--success)",
          "--success-border": "var(--border)",
          "--error-bg": "var(--popover)",
          "--error-text": "var(--destructive)",
          "--error-border": "var(--border)",
          "--warning-bg": "var(--popover)",
          // --warning-foreground is meant for text on the warning colour; on the popover it vanished in dark mode.
          "--warning-text": "var(--popover-foreground)",
          "--warning-border": "var(--border)",
          "--border-radius": "var(--radius)",
        } as CSSProperties
      }
      toastOptions={{
        ...toastOptions,
        classNames: {
          toast: "font-sans shadow-lg",
          description: "text-muted-foreground!",
          ...toastOptions?.classNames,
        },
      }}
      {...props}
    />
  );
}

export { toast };
