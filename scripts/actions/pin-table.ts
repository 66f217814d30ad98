/**
 * The pin table as the tooling reads it: every pin of the committed action manifest,
 * to write the `# <tag>` comment of a pinned `uses:` and to judge a `uses:` found in
 * a workflow file. An action may be pinned at more than one version (manifest keys
 * `owner/repo` and `owner/repo@<label>`); each pin is found by its `uses:` value.
 */
import { usesOf, type Pin } from "../../workflows-src/kit/pins.ts";
import { actionPathOf, loadActionManifest } from "./action-manifest.ts";

// Read on first use, so a broken manifest is reported by gen as a problem, not as an import crash.
let byUses: ReadonlyMap<string, Pin> | undefined;

function pinTable(): ReadonlyMap<string, Pin> {
  byUses ??= new Map(
    Object.entries(loadActionManifest().actions).map(([key, { commit, tag }]) => {
      const pin = { action: actionPathOf(key), commit, tag };
      return [usesOf(pin), pin];
    }),
  );
  return byUses;
}

/** Every pin of the manifest. */
export function allPins(): readonly Pin[] {
  return [...pinTable().values()];
}

/** The pin a `uses:` value was made from, if the manifest has it. */
export function pinOfUses(uses: string): Pin | undefined {
  return pinTable().get(uses);
}
