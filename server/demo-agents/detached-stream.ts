import "server-only";
/**
 * Reads `source` to its end whatever the consumer does, handing each item to
 * the returned generator while the consumer still listens.
 *
 * The SDK's DefaultRequestHandler updates its task store only while a
 * SendStreamingMessage stream is being read: if the caller's connection drops
 * (Bureau's engine crashed mid-run), the agent keeps working but GetTask
 * would report the moment of the drop forever. Draining the stream here keeps
 * the stored task current, so a caller that comes back finds the real state.
 */
export function detachedStream<T>(source: AsyncGenerator<T, void, undefined>): AsyncGenerator<T, void, undefined> {
  const buffered: T[] = [];
  let finished = false;
  let failure: { error: unknown } | null = null;
  let listening = true;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  void (async () => {
    try {
      for await (const item of source) {
        if (!listening) continue;
        buffered.push(item);
        notify();
      }
    } catch (error) {
      failure = { error };
    }
    finished = true;
    notify();
  })();

  return (async function* () {
    try {
      for (;;) {
        if (buffered.length > 0) {
          yield buffered.shift()!;
          continue;
        }
        if (finished) {
          if (failure) throw (failure as { error: unknown }).error;
          return;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      // The consumer went away (or finished): keep draining, stop buffering.
      listening = false;
      buffered.length = 0;
    }
  })();
}
