// Loads Prisma's schema engine compiled to WebAssembly. The prisma CLI would
// download a native engine from binaries.prisma.sh, which is unreachable here;
// @prisma/schema-engine-wasm is the byte-identical engine shipped on npm.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine };

// Rust panics are reported through this global before the wasm traps; without
// it a panic surfaces as a bare "unreachable" RuntimeError.
class PanicRegistry {
  message = "";
  get(): string {
    return this.message;
  }
  set_message(msg: string): void {
    this.message = `RuntimeError: ${msg}`;
  }
}
const registryHost = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
registryHost.PRISMA_WASM_PANIC_REGISTRY ??= new PanicRegistry();

/** The panic text of the last failed call, cleared so it is reported once. */
export function takePanicMessage(): string {
  const registry = registryHost.PRISMA_WASM_PANIC_REGISTRY;
  const message = registry?.get() ?? "";
  if (registry) registry.message = "";
  return message;
}

type Glue = Record<string, unknown> & { __wbg_set_wasm(exports: WebAssembly.Exports): void };

let loaded: typeof glue.SchemaEngine | undefined;

/**
 * Instantiates the wasm module once per process: the glue module keeps the
 * instance in module-level state, so a second instantiation would silently
 * swap memory under live engines.
 */
export function loadSchemaEngine(): typeof glue.SchemaEngine {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // Resolve the .wasm next to the glue instead of importing the package entry,
  // which relies on wasm ESM integration and would instantiate it a second time.
  // (The package's exports map hides the .wasm itself, so locate it via the glue.)
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = gluePath.replace(/\.js$/, ".wasm");
  const module = new WebAssembly.Module(readFileSync(wasmPath));

  const imports: Record<string, unknown> = { ...(glue as unknown as Glue) };
  for (const key of Object.keys(imports)) {
    if (!key.startsWith("__wbg_setTimeout_")) continue;
    // The engine arms timers it never clears (e.g. a 10 s one per engine);
    // a referenced timer would keep every CLI run alive that long. Pending
    // database I/O still keeps the event loop alive while work is in flight.
    imports[key] = (handler: () => void, ms: number): NodeJS.Timeout => setTimeout(handler, ms >>> 0).unref();
  }

  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
  });
  (glue as unknown as Glue).__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = glue.SchemaEngine;
  return loaded;
}

export function engineVersion(): string {
  loadSchemaEngine();
  return glue.version();
}
