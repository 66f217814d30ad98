/**
 * The part of Semantic Versioning 2.0.0 that metadata-action's `type=semver` needs:
 * is a string a valid version (an optional leading "v" or "=" allowed), and its
 * parts. Written from the specification, not from a library.
 */

export interface SemVer {
  readonly raw: string;
  readonly version: string;
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
}

const NUMERIC = "0|[1-9]\\d*";
const IDENT = `(?:${NUMERIC}|\\d*[a-zA-Z-][a-zA-Z0-9-]*)`;
const SEMVER = new RegExp(
  `^[v=]?(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})(?:-(${IDENT}(?:\\.${IDENT})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
);

/** Parses a version; undefined when the text is not a valid semantic version. */
export function parseSemVer(text: string): SemVer | undefined {
  const raw = text.trim();
  const m = SEMVER.exec(raw);
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3]);
  const prerelease = m[4] ? m[4].split(".") : [];
  const version = `${major}.${minor}.${patch}${prerelease.length ? `-${prerelease.join(".")}` : ""}`;
  return { raw, version, major, minor, patch, prerelease };
}
