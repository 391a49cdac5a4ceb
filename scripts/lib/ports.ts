import net from "node:net";

/**
 * Whether nothing listens on `port`: we try to listen there ourselves on
 * every address (on Linux that collides with a listener on any one address,
 * 127.0.0.1 or ::1 alike), then close again.
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE" || error.code === "EACCES") resolve(false);
      else reject(error);
    });
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** The first free port after `port` (for the suggestion in the message), or null. */
export async function nextFreePort(port: number, tries = 20): Promise<number | null> {
  for (let candidate = port + 1; candidate <= Math.min(65535, port + tries); candidate++) {
    if (await isPortFree(candidate)) return candidate;
  }
  return null;
}

/** The one sentence `npm run dev` ends with when `port` is taken. */
export async function busyPortMessage(port: number, variable: string, what: string, hint = ""): Promise<string> {
  const free = await nextFreePort(port);
  const example = free ? `, e.g. \`${variable}=${free} npm run dev\`` : "";
  return `Port ${port} (${what}) is already in use${hint}: set ${variable} to a free port${example}.`;
}

/** A port from the environment, or a sentence saying what is wrong with it. */
export function portFromEnv(variable: string, fallback: number): number {
  const raw = process.env[variable];
  const port = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${variable}=${raw} is not a port: set ${variable} to a number from 1 to 65535.`);
  }
  return port;
}

/** Throws the one-sentence explanation when `port` is taken. */
export async function requireFreePort(port: number, variable: string, what: string, hint = ""): Promise<void> {
  if (!(await isPortFree(port))) throw new Error(await busyPortMessage(port, variable, what, hint));
}
