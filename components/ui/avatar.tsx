"use client";

import { cva, type VariantProps } from "class-variance-authority";
import { Avatar as AvatarPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** "Ada Lovelace" -> "AL", "acme" -> "AC", "" -> "?". */
export function getInitials(name: string | null | undefined): string {
  const words = (name ?? "")
    .trim()
    .split(/[\s._@-]+/)
    .filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0] ?? "";
  if (words.length === 1) return first.slice(0, 2).toUpperCase();
  const last = words[words.length - 1] ?? "";
  return `${first.charAt(0)}${last.charAt(0)}`.toUpperCase();
}

export const avatarVariants = cva(
  "relative inline-flex shrink-0 select-none overflow-hidden rounded-full bg-muted align-middle",
  {
    variants: {
      size: {
        sm: "size-6 text-[10px]",
        default: "size-8 text-xs",
        lg: "size-10 text-sm",
        xl: "size-14 text-base",
      },
      shape: {
        circle: "rounded-full",
        square: "rounded-md",
      },
    },
    defaultVariants: { size: "default", shape: "circle" },
  },
);

export type AvatarProps = Omit<ComponentProps<typeof AvatarPrimitive.Root>, "children"> &
  VariantProps<typeof avatarVariants> & {
    /** Person or company name: used for the initials fallback and the image alt text. */
    name: string;
    /** Optional image URL; initials are shown while it loads or if it fails. */
    src?: string | null;
    /** Override alt text (defaults to `name`). */
    alt?: string;
  };

export function Avatar({ name, src, alt, size, shape, className, ...props }: AvatarProps) {
  return (
    <AvatarPrimitive.Root className={cn(avatarVariants({ size, shape }), className)} {...props}>
      {src ? (
        <AvatarPrimitive.Image src={src} alt={alt ?? name} className="aspect-square size-full object-cover" />
      ) : null}
      <AvatarPrimitive.Fallback
        delayMs={src ? 300 : undefined}
        className="flex size-full items-center justify-center bg-accent font-medium text-accent-foreground"
      >
        <span aria-hidden="true">{getInitials(name)}</span>
        <span className="sr-only">{alt ?? name}</span>
      </AvatarPrimitive.Fallback>
    </AvatarPrimitive.Root>
  );
}
