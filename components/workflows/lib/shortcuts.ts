/**
 * The canvas's keyboard shortcuts, as a pure matcher so the rules (Cmd on a
 * Mac, Ctrl elsewhere; nothing while typing) are tested without a browser.
 */
export type ShortcutAction = "undo" | "redo" | "copy" | "cut" | "paste" | "delete" | "selectAll" | "deselect";

export type KeyLike = {
  key: string;
  /** The physical key ("KeyZ"), so shortcuts work on layouts whose letters differ. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
};

export type TargetLike = { tagName?: string; isContentEditable?: boolean; type?: string } | null;

const TEXT_INPUT_TYPES = new Set(["", "text", "search", "email", "url", "tel", "password", "number", "date", "time"]);

/** True when the key goes to a field the user is typing in (those keep their own undo and copy). */
export function isTypingTarget(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  return tag === "INPUT" && TEXT_INPUT_TYPES.has((target.type ?? "").toLowerCase());
}

/** The letter pressed, from the physical key when there is one. */
function letter(e: KeyLike): string {
  const physical = /^Key([A-Z])$/.exec(e.code ?? "")?.[1];
  return (physical ?? e.key).toLowerCase();
}

export function matchShortcut(e: KeyLike, target: TargetLike, isMac: boolean): ShortcutAction | null {
  if (isTypingTarget(target) || e.altKey) return null;
  const mod = isMac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod) {
    if (e.ctrlKey || e.metaKey || e.shiftKey) return null;
    if (e.key === "Delete" || e.key === "Backspace") return "delete";
    return e.key === "Escape" ? "deselect" : null;
  }
  const k = letter(e);
  if (k === "z") return e.shiftKey ? "redo" : "undo";
  if (e.shiftKey) return null;
  if (k === "y") return "redo";
  if (k === "c") return "copy";
  if (k === "x") return "cut";
  if (k === "v") return "paste";
  if (k === "a") return "selectAll";
  return null;
}

/** For the help popover: each shortcut's keys as the platform writes them. */
export function shortcutList(isMac: boolean): { keys: string[]; label: string }[] {
  const mod = isMac ? "⌘" : "Ctrl";
  const shift = isMac ? "⇧" : "Shift";
  return [
    { keys: [mod, "Z"], label: "Undo" },
    { keys: isMac ? [shift, mod, "Z"] : [mod, "Y"], label: "Redo" },
    { keys: [mod, "C"], label: "Copy selected steps" },
    { keys: [mod, "X"], label: "Cut selected steps" },
    { keys: [mod, "V"], label: "Paste" },
    { keys: [mod, "A"], label: "Select all" },
    { keys: [isMac ? "⌫" : "Delete"], label: "Delete selection" },
    { keys: ["Esc"], label: "Clear selection" },
    { keys: [shift, "drag"], label: "Select an area" },
  ];
}

export const isMacPlatform = (platform: string) => /mac|iphone|ipad|ipod/i.test(platform);
