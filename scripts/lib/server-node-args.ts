/**
 * Node flags for a process that runs Bureau's server modules outside Next.js
 * (seed, dev start, benchmarks, test helpers). Server modules import
 * "server-only", which throws unless resolved under the `react-server`
 * condition, as Next.js does for its server bundles; tsx runs TypeScript.
 */
export const SERVER_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];
