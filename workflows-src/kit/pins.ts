/**
 * Pins: every action the workflows use is pinned to a full commit, with the release
 * tag that commit carries. The pin table is the action manifest
 * (`actions.manifest.json`); the generated bindings name their manifest entry and read
 * its pin here when a step is built, so a pin moved in the manifest takes effect
 * without regenerating the bindings first. The emitter writes the tag as the
 * `# <tag>` comment after each pin. (The tooling validates the manifest; the kit only
 * reads the pins from it.)
 */
import { readFileSync } from "node:fs";
import { once } from "./once.ts";

/** One pinned action: `owner/repo[/path]`, its 40-hex commit and the release tag of that commit. */
export interface Pin {
  readonly action: string;
  readonly commit: string;
  readonly tag: string;
}

const manifestUrl = new URL("./actions.manifest.json", import.meta.url);

// Read on first use, so a broken manifest is reported by gen as a problem, not as an import crash.
const entries = once((): Readonly<Record<string, { commit?: unknown; tag?: unknown }>> => {
  const manifest = JSON.parse(readFileSync(manifestUrl, "utf8")) as { actions?: Record<string, { commit?: unknown; tag?: unknown }> };
  return manifest.actions ?? {};
});

/**
 * The pin of a manifest entry (`owner/repo[/path]`, or `owner/repo[/path]@<label>` for
 * another pinned version), as the manifest has it now.
 * @throws Error naming the entry and the fix when the manifest has no such entry
 */
export function pinOf(key: string): Pin {
  return pinOfEntry(key, Object.hasOwn(entries(), key) ? entries()[key] : undefined);
}

/**
 * The pin a manifest entry stands for: the action is the key without its `@<label>`.
 * @internal exported for tests; workflows get pins through the bindings.
 */
export function pinOfEntry(key: string, entry: { commit?: unknown; tag?: unknown } | undefined): Pin {
  if (!entry || typeof entry.commit !== "string" || typeof entry.tag !== "string") {
    throw new Error(`"${key}" is not in the pin table; add it to workflows-src/kit/actions.manifest.json, run \`npm run sync-actions\` and \`npm run gen\``);
  }
  const at = key.indexOf("@");
  return { action: at < 0 ? key : key.slice(0, at), commit: entry.commit, tag: entry.tag };
}

/** The `uses:` value of a pin: `owner/repo[/path]@<commit>`. */
export function usesOf(pin: Pin): string {
  return `${pin.action}@${pin.commit}`;
}
