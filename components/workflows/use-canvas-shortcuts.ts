"use client";

import { useEffect, useRef, type RefObject } from "react";
import { isMacPlatform, matchShortcut, type ShortcutAction } from "./lib/shortcuts";

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

export const isMac = () => typeof navigator !== "undefined" && isMacPlatform(navigator.platform || navigator.userAgent);

/**
 * Keyboard shortcuts for the canvas under `root`. They fire when focus is in
 * the canvas, or on the page body after the last click landed in the canvas
 * (clicking the pane focuses nothing); never while typing in a field, which
 * keeps its own undo and copy.
 */
export function useCanvasShortcuts(root: RefObject<HTMLElement | null>, handlers: ShortcutHandlers) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  }, [handlers]);

  useEffect(() => {
    let active = false;
    const mac = isMac();
    const onPointerDown = (e: PointerEvent) => {
      active = e.target instanceof Node && Boolean(root.current?.contains(e.target));
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !root.current) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const inside = target ? root.current.contains(target) : false;
      if (!inside && !(active && (target === null || target === document.body))) return;
      const action = matchShortcut(e, target, mac);
      const run = action ? current.current[action] : undefined;
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [root]);
}
