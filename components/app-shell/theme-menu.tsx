"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";
import { THEMES, type ThemeChoice } from "@/components/providers/theme-provider";
import { DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem } from "@/components/ui/dropdown-menu";

const LOOK: Record<ThemeChoice, { label: string; icon: typeof Sun }> = {
  light: { label: "Light", icon: Sun },
  dark: { label: "Dark", icon: Moon },
  system: { label: "System", icon: Monitor },
};

const subscribeNothing = () => () => {};

/**
 * The theme choice inside the account menu. The stored choice is only known
 * in the browser, so the server render (and the first client render) select
 * nothing rather than guess.
 */
export function ThemeMenuItems() {
  const { theme, setTheme } = useTheme();
  const mounted = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  const current = mounted ? (theme ?? "system") : "";
  return (
    <>
      <DropdownMenuLabel>Theme</DropdownMenuLabel>
      <DropdownMenuRadioGroup value={current} onValueChange={setTheme}>
        {THEMES.map((value) => {
          const { label, icon: Icon } = LOOK[value];
          return (
            <DropdownMenuRadioItem key={value} value={value} data-testid={`theme-${value}`}>
              <Icon className="size-4" aria-hidden />
              {label}
            </DropdownMenuRadioItem>
          );
        })}
      </DropdownMenuRadioGroup>
    </>
  );
}
