/**
 * The pin table as the tooling reads it: every pin of the committed action manifest,
 * to write the `# <tag>` comment of a pinned `uses:` and to judge a `uses:` found in
 * a workflow file.
 */
import { usesOf, type Pin } from "../../workflows-src/kit/pins.ts";
import { loadActionManifest } from "./action-manifest.ts";

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

/** The pin a `uses:` value was made from, if the manifest has it. */
export function pinOfUses(uses: string): Pin | undefined {
  const at = uses.lastIndexOf("@");
  const pin = at > 0 ? pinTable().get(uses.slice(0, at)) : undefined;
  return pin && usesOf(pin) === uses ? pin : undefined;
}
