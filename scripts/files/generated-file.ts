/**
 * A file the project generates: where it goes, its full text (header included)
 * and, for workflows, the map from YAML path to the TypeScript that built it.
 */
export interface GeneratedFile {
  /** Path relative to the project root, with forward slashes. */
  readonly path: string;
  readonly content: string;
  /** YAML path → TypeScript `file:line` (emitted workflows only). */
  readonly sources?: ReadonlyMap<string, string>;
  /** Lint rules the sources waive, each on a YAML path and what lies below it (emitted workflows only). */
  readonly waivers?: readonly PathWaiver[];
}

/** A reviewed waiver of one rule on a YAML path (`""` for the whole file), with its reason. */
export interface PathWaiver {
  readonly rule: string;
  readonly path: string;
  readonly reason: string;
}
