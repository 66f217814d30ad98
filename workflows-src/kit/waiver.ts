/**
 * Reviewed waivers: a workflow, job or step may waive one lint rule, with a reason a
 * reviewer reads. The emitter writes each as a `# lint-ignore: <rule> -- <reason>`
 * comment on the node it waives, so the lint engine honours it and the reviewed YAML
 * shows it.
 */

/** Waived rules of a node: rule id → the reason (required, one line). */
export type Waivers = Readonly<Record<string, string>>;

/** One waiver as the emitter writes it. */
export interface Waiver {
  readonly rule: string;
  readonly reason: string;
}

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** The waivers of a node, in the order written, and the problems with them (a bad id, an empty or multi-line reason). */
export function readWaivers(waivers: Waivers | undefined): { waivers: Waiver[]; problems: string[] } {
  const list: Waiver[] = [];
  const problems: string[] = [];
  for (const [rule, reason] of Object.entries(waivers ?? {})) {
    if (!RULE_ID.test(rule)) problems.push(`waives "${rule}", which is not a rule id; name the rule as findings print it (e.g. "template-injection")`);
    else if (reason.trim() === "") problems.push(`waives "${rule}" without a reason; say why the finding is acceptable`);
    else if (/[\r\n]/.test(reason)) problems.push(`waives "${rule}" with a reason of several lines; write it on one line`);
    else list.push({ rule, reason: reason.trim() });
  }
  return { waivers: list, problems };
}

/** The comment text (without `# `) that carries a waiver in the YAML. */
export function waiverComment(waiver: Waiver): string {
  return `lint-ignore: ${waiver.rule} -- ${waiver.reason}`;
}

/** True when the waivers name the rule. */
export function waives(waivers: Waivers | undefined, rule: string): boolean {
  return waivers !== undefined && Object.hasOwn(waivers, rule);
}
