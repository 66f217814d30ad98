/**
 * Pins: every action the workflows use is pinned to a full commit, with the release
 * tag that commit carries. The pin table is the action manifest
 * (`actions.manifest.json`); the generated bindings carry the pin of their action,
 * so `uses:` strings are made only from it, and the emitter writes the tag as the
 * `# <tag>` comment after each pin.
 */

/** One pinned action: `owner/repo[/path]`, its 40-hex commit and the release tag of that commit. */
export interface Pin {
  readonly action: string;
  readonly commit: string;
  readonly tag: string;
}

/** The `uses:` value of a pin: `owner/repo[/path]@<commit>`. */
export function usesOf(pin: Pin): string {
  return `${pin.action}@${pin.commit}`;
}
