import { describe, expect, it } from "vitest";
import {
  isMacPlatform,
  isTypingTarget,
  matchShortcut,
  shortcutList,
  type KeyLike,
} from "@/components/workflows/lib/shortcuts";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : undefined,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});
const pane = { tagName: "DIV" };

describe("canvas keyboard shortcuts", () => {
  it("uses Ctrl off a Mac and Cmd on one, and not the other", () => {
    expect(matchShortcut(key("z", { ctrlKey: true }), pane, false)).toBe("undo");
    expect(matchShortcut(key("z", { metaKey: true }), pane, true)).toBe("undo");
    expect(matchShortcut(key("z", { metaKey: true }), pane, false)).toBeNull();
    expect(matchShortcut(key("z", { ctrlKey: true }), pane, true)).toBeNull();
    expect(matchShortcut(key("z", { ctrlKey: true, metaKey: true }), pane, false)).toBeNull();
  });

  it("redoes with Shift+Mod+Z and Mod+Y", () => {
    expect(matchShortcut(key("Z", { ctrlKey: true, shiftKey: true }), pane, false)).toBe("redo");
    expect(matchShortcut(key("Z", { metaKey: true, shiftKey: true }), pane, true)).toBe("redo");
    expect(matchShortcut(key("y", { ctrlKey: true }), pane, false)).toBe("redo");
  });

  it("copies, cuts, pastes and selects all; deletes and clears with bare keys", () => {
    expect(matchShortcut(key("c", { ctrlKey: true }), pane, false)).toBe("copy");
    expect(matchShortcut(key("x", { ctrlKey: true }), pane, false)).toBe("cut");
    expect(matchShortcut(key("v", { metaKey: true }), pane, true)).toBe("paste");
    expect(matchShortcut(key("a", { ctrlKey: true }), pane, false)).toBe("selectAll");
    expect(matchShortcut(key("Delete"), pane, false)).toBe("delete");
    expect(matchShortcut(key("Backspace"), pane, true)).toBe("delete");
    expect(matchShortcut(key("Escape"), pane, false)).toBe("deselect");
  });

  it("ignores other combinations", () => {
    expect(matchShortcut(key("c"), pane, false)).toBeNull();
    expect(matchShortcut(key("c", { ctrlKey: true, shiftKey: true }), pane, false)).toBeNull();
    expect(matchShortcut(key("c", { ctrlKey: true, altKey: true }), pane, false)).toBeNull();
    expect(matchShortcut(key("Delete", { shiftKey: true }), pane, false)).toBeNull();
    expect(matchShortcut(key("q", { ctrlKey: true }), pane, false)).toBeNull();
  });

  it("follows the physical key on layouts whose letters differ", () => {
    // Cyrillic layout: the Z key types "я".
    expect(matchShortcut({ ...key("я", { ctrlKey: true }), code: "KeyZ" }, pane, false)).toBe("undo");
  });

  it("never fires while typing in a field", () => {
    const fields = [
      { tagName: "INPUT", type: "text" },
      { tagName: "input", type: "" },
      { tagName: "INPUT", type: "number" },
      { tagName: "TEXTAREA" },
      { tagName: "SELECT" },
      { tagName: "DIV", isContentEditable: true },
    ];
    for (const target of fields) {
      expect(isTypingTarget(target)).toBe(true);
      expect(matchShortcut(key("z", { ctrlKey: true }), target, false)).toBeNull();
      expect(matchShortcut(key("Backspace"), target, false)).toBeNull();
    }
    expect(isTypingTarget({ tagName: "INPUT", type: "checkbox" })).toBe(false);
    expect(isTypingTarget({ tagName: "BUTTON" })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });

  it("lists the shortcuts with each platform's keys", () => {
    expect(shortcutList(true).find((s) => s.label === "Undo")?.keys).toEqual(["⌘", "Z"]);
    expect(shortcutList(false).find((s) => s.label === "Redo")?.keys).toEqual(["Ctrl", "Y"]);
    expect(isMacPlatform("MacIntel")).toBe(true);
    expect(isMacPlatform("Linux x86_64")).toBe(false);
  });
});
