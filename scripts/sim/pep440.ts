/**
 * The part of PEP 440 that metadata-action's `type=pep440` needs: is a string a
 * valid Python version (the PEP's grammar, case-insensitive, optional leading "v"),
 * its normalised form, its release numbers and whether it is a pre-, post- or
 * dev-release. Written from the PEP, not from a library.
 */

export interface Pep440Version {
  readonly normalized: string;
  readonly release: readonly number[];
  readonly isPrerelease: boolean;
  readonly isPostrelease: boolean;
  readonly isDevrelease: boolean;
}

const PATTERN = new RegExp(
  [
    "^\\s*v?",
    "(?:(?<epoch>[0-9]+)!)?",
    "(?<release>[0-9]+(?:\\.[0-9]+)*)",
    "(?<pre>[-_.]?(?<preL>alpha|beta|preview|pre|rc|a|b|c)[-_.]?(?<preN>[0-9]+)?)?",
    "(?<post>(?:-(?<postN1>[0-9]+))|(?:[-_.]?(?<postL>post|rev|r)[-_.]?(?<postN2>[0-9]+)?))?",
    "(?<dev>[-_.]?(?<devL>dev)[-_.]?(?<devN>[0-9]+)?)?",
    "(?:\\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\\s*$",
  ].join(""),
  "i",
);

const PRE_LABEL: Readonly<Record<string, string>> = { a: "a", alpha: "a", b: "b", beta: "b", c: "rc", rc: "rc", pre: "rc", preview: "rc" };

/** Parses a version; undefined when it does not follow PEP 440. */
export function parsePep440(text: string): Pep440Version | undefined {
  const g = PATTERN.exec(text)?.groups;
  if (!g) return undefined;
  const release = g["release"]!.split(".").map(Number);
  let normalized = "";
  if (g["epoch"] && Number(g["epoch"]) !== 0) normalized += `${Number(g["epoch"])}!`;
  normalized += release.join(".");
  if (g["pre"]) normalized += `${PRE_LABEL[g["preL"]!.toLowerCase()]}${Number(g["preN"] ?? 0)}`;
  if (g["post"]) normalized += `.post${Number(g["postN1"] ?? g["postN2"] ?? 0)}`;
  if (g["dev"]) normalized += `.dev${Number(g["devN"] ?? 0)}`;
  if (g["local"]) normalized += `+${g["local"].toLowerCase().replace(/[-_]/g, ".")}`;
  return {
    normalized,
    release,
    // A dev-release is a pre-release too, as the PEP orders versions.
    isPrerelease: Boolean(g["pre"] || g["dev"]),
    isPostrelease: Boolean(g["post"]),
    isDevrelease: Boolean(g["dev"]),
  };
}
