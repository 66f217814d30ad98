/**
 * Types of `@renovate/pep440`, the PEP 440 library docker/metadata-action uses (it
 * ships no declarations): the functions the metadata-action model calls.
 */
declare module "@renovate/pep440" {
  /** What `explain` says about a valid version. */
  export interface Explained {
    readonly release: readonly number[];
    readonly is_prerelease: boolean;
    readonly is_postrelease: boolean;
    readonly is_devrelease: boolean;
  }
  /** The version when it follows PEP 440, else null. */
  export function valid(version: string): string | null;
  /** The normalised version, or null. */
  export function clean(version: string): string | null;
  export function explain(version: string): Explained | null;
  export function major(version: string): number;
  export function minor(version: string): number;
  export function patch(version: string): number;
}
