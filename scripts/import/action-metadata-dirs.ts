/**
 * Action metadata available offline, for the importer: folders in the layout
 * `sync-actions --from` reads (`DIR/<owner>/<repo>[/<path>]/action.yml` with a
 * `PINS.tsv` of action, commit and tag), or addressed by commit
 * (`DIR/<owner>/<repo>[/<path>]/<commit>/action.yml`). They tell the commit of a
 * tag, the tag of a commit and an action's inputs and outputs at a commit.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { commitPattern, isWorkflowKey } from "../actions/action-manifest.ts";

/** A pin known from a metadata folder. */
export interface KnownPin {
  readonly action: string;
  readonly commit: string;
  readonly tag: string;
}

/** The metadata folders, read once. */
export interface MetadataDirs {
  /** Pins listed for an action path. */
  pinsOf(action: string): readonly KnownPin[];
  /** The text of the action's metadata (or the reusable workflow's file) at a commit, if a folder has it. */
  metadataAt(action: string, commit: string): { text: string; file: string } | undefined;
}

/** Reads the `PINS.tsv` of each folder; metadata files are read when asked for. */
export function metadataDirs(dirs: readonly string[]): MetadataDirs {
  const pins: (KnownPin & { dir: string })[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, "PINS.tsv");
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const [action, commit, tag] = line.split("\t");
      if (action && commit && commitPattern.test(commit) && tag) pins.push({ action, commit, tag, dir });
    }
  }
  return {
    pinsOf: (action) => pins.filter((pin) => pin.action === action),
    metadataAt(action, commit) {
      const parts = action.split("/");
      for (const dir of dirs) {
        const listed = pins.some((pin) => pin.dir === dir && pin.action === action && pin.commit === commit);
        const candidates = isWorkflowKey(action)
          ? [path.join(dir, ...parts.slice(0, -1), commit, parts.at(-1)!), ...(listed ? [path.join(dir, ...parts)] : [])]
          : ["action.yml", "action.yaml"].flatMap((name) => [path.join(dir, ...parts, commit, name), ...(listed ? [path.join(dir, ...parts, name)] : [])]);
        for (const candidate of candidates) if (existsSync(candidate)) return { text: readFileSync(candidate, "utf8"), file: candidate };
      }
      return undefined;
    },
  };
}

/**
 * The pin a tag or branch ref stands for, among known pins: the same tag, or for a
 * major ref (`v4`) the newest release of that major (by version order).
 */
export function pinForRef(known: readonly KnownPin[], ref: string): KnownPin | undefined {
  const exact = known.find((pin) => pin.tag === ref);
  if (exact) return exact;
  const major = /^v?(\d+)$/.exec(ref)?.[1];
  if (major === undefined) return undefined;
  const sameMajor = known.filter((pin) => /^v?(\d+)(\.|$)/.exec(pin.tag)?.[1] === major);
  return sameMajor.sort((a, b) => compareVersions(b.tag, a.tag))[0];
}

function compareVersions(a: string, b: string): number {
  const parts = (tag: string): number[] => tag.replace(/^v/, "").split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}
