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
}
