"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "./button";
import { cn } from "./cn";

export type CopyButtonProps = Omit<ButtonProps, "onClick" | "children" | "asChild" | "value"> & {
  /** The text to copy. */
  value: string;
  /** Accessible label (also used as the tooltip `title`). */
  label?: string;
  /** Optional visible text next to the icon; omit for an icon-only button. */
  children?: ReactNode;
  /** Called after a successful copy. */
  onCopied?: () => void;
};

export function CopyButton({
  value,
  label = "Copy to clipboard",
  children,
  onCopied,
  variant = "ghost",
  size,
  className,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  async function handleCopy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      return;
    }
    setCopied(true);
    onCopied?.();
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), 2000);
  }

  const Icon = copied ? Check : Copy;
  const iconOnly = children === undefined || children === null;

  return (
    <Button
      type="button"
      variant={variant}
      size={size ?? (iconOnly ? "icon" : "sm")}
      aria-label={iconOnly ? (copied ? "Copied" : label) : undefined}
      title={label}
      data-copied={copied || undefined}
      onClick={handleCopy}
      className={cn(iconOnly && size === undefined && "size-8", className)}
      {...props}
    >
      <Icon className={cn(copied && "text-success")} aria-hidden="true" />
      {iconOnly ? null : copied ? "Copied" : children}
      <span role="status" aria-live="polite" className="sr-only">
        {copied ? "Copied to clipboard" : ""}
      </span>
    </Button>
  );
}
