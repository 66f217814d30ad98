/**
 * What a finding means for a run and where it goes in a report, apart from the engine:
 * gen and check judge remembered findings, and lint sorts remembered and fresh ones
 * together, without loading the rules.
 */
import type { Finding } from "./rule.ts";

/** True for a finding that fails the run: an error no waiver silences. */
export function isBlocking(finding: Finding): boolean {
  return finding.severity === "error" && finding.waived === undefined;
}

const collator = new Intl.Collator("en");

/** The order findings are reported in: file, line, path, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return collator.compare(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || collator.compare(a.path, b.path) || collator.compare(a.rule, b.rule) || collator.compare(a.message, b.message);
}
