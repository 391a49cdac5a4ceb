"use client";

import { useEffect, useEffectEvent, useState } from "react";

/**
 * A text field whose value lives in the URL: typing updates it at once, and
 * after `delayMs` without typing (or on `commit()`, e.g. Enter or blur) the
 * value is committed to the URL. When the URL changes for another reason
 * (Back, a link) the field follows it; the URL catching up with our own
 * commit never overwrites what was typed since.
 */
export function useUrlText(urlValue: string, onCommit: (value: string) => void, delayMs: number) {
  const [state, setState] = useState({ text: urlValue, url: urlValue, committed: urlValue });
  if (urlValue !== state.url) {
    setState({ url: urlValue, committed: urlValue, text: urlValue === state.committed ? state.text : urlValue });
  }
  const commitValue = (value: string) => {
    setState((s) => ({ ...s, committed: value }));
    onCommit(value);
  };
  const commitLater = useEffectEvent(commitValue);
  const value = state.text.trim();
  const dirty = value !== state.committed;
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => commitLater(value), delayMs);
    return () => clearTimeout(timer);
  }, [dirty, value, delayMs]);
  return {
    text: state.text,
    setText: (text: string) => setState((s) => ({ ...s, text })),
    commit: () => {
      if (dirty) commitValue(value);
    },
  };
}
