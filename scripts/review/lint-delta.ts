/**
 * The lint findings a change brings and the ones it fixes: the project's rules run on
 * both versions of a workflow (the same rules, the working tree's, so the difference
 * is the workflow's), and findings are matched by rule, message and the path of the
 * step they are on, so a step that moved keeps its findings. A waived finding is a
 * reviewed one: it is in neither list (the waiver itself is a security change). A
 * version gen, check or lint found clean before is not linted again.
 */
import type { GeneratedFile } from "../files/generated-file.ts";
import type { Finding } from "../lint/rule.ts";
import { emittedFindings } from "../pipeline/emitted-lint.ts";
import { stablePath } from "./step-identity.ts";

/** A finding as the review reports it. */
export interface LintEntry {
  readonly rule: string;
  readonly severity: string;
  readonly path: string;
  readonly message: string;
}

/** Findings new in `after` and fixed since `before` (either may be absent). */
export async function lintDelta(
  before: { file: GeneratedFile; value: Readonly<Record<string, unknown>> } | undefined,
  after: { file: GeneratedFile; value: Readonly<Record<string, unknown>> } | undefined,
): Promise<{ new: LintEntry[]; fixed: LintEntry[] }> {
  const findings = async (side: typeof before): Promise<Map<string, LintEntry>> => {
    if (!side) return new Map();
    // Without TypeScript sources: the review reports YAML paths, and locating them costs a second build.
    const found: Finding[] = (await emittedFindings([{ path: side.file.path, content: side.file.content }])).filter((f) => f.waived === undefined);
    return new Map(found.map((f) => [`${f.rule}\u0000${f.message}\u0000${stablePath(side.value, f.path)}`, { rule: f.rule, severity: f.severity, path: f.path, message: f.message }]));
  };
  const [was, is] = [await findings(before), await findings(after)];
  return {
    new: [...is].filter(([key]) => !was.has(key)).map(([, entry]) => entry),
    fixed: [...was].filter(([key]) => !is.has(key)).map(([, entry]) => entry),
  };
}
