/**
 * Pins: every action the workflows use is pinned to a full commit, with the release
 * tag that commit carries. The pin table is the action manifest; `uses:` strings are
 * made only from it (through the generated bindings), and the emitter writes the tag
 * as the `# <tag>` comment after each pin.
 */
import { loadActionManifest } from "./action-manifest.ts";

/** One pinned action: `owner/repo[/path]`, its 40-hex commit and the release tag of that commit. */
export interface Pin {
  readonly action: string;
  readonly commit: string;
  readonly tag: string;
}

// Read on first use, so a broken manifest is reported by gen as a problem, not as an import crash.
let table: ReadonlyMap<string, Pin> | undefined;

function pinTable(): ReadonlyMap<string, Pin> {
  table ??= new Map(Object.entries(loadActionManifest().actions).map(([action, { commit, tag }]) => [action, { action, commit, tag }]));
  return table;
}

/** Every pin of the manifest. */
export function allPins(): readonly Pin[] {
  return [...pinTable().values()];
}

/**
 * The pin of an action path, as the manifest has it now. Bindings name their action and
 * read its pin here when a step is built, so a pin moved in the manifest takes effect
 * without regenerating the bindings first.
 * @throws Error naming the action and the fix when the manifest has no such action
 */
export function pinOf(action: string): Pin {
  const pin = pinTable().get(action);
  if (!pin) throw new Error(`"${action}" is not in the pin table; add it to workflows-src/kit/actions.manifest.json, run \`npm run sync-actions\` and \`npm run gen\``);
  return pin;
}

/** The `uses:` value of a pin: `owner/repo[/path]@<commit>`. */
export function usesOf(pin: Pin): string {
  return `${pin.action}@${pin.commit}`;
}

/** The pin a `uses:` value was made from, if the manifest has it. */
export function pinOfUses(uses: string): Pin | undefined {
  const at = uses.lastIndexOf("@");
  const pin = at > 0 ? pinTable().get(uses.slice(0, at)) : undefined;
  return pin && usesOf(pin) === uses ? pin : undefined;
}
