/**
 * Conditions decided by enumeration: the atoms a set of `if:` expressions read
 * (context paths such as `github.event_name`, `steps.skip.outputs.skip_build`,
 * `steps.build.outcome`) get every value that can change a comparison, and each
 * assignment is evaluated with GitHub's own evaluator. Rules use it to prove that
 * one condition implies another instead of matching condition text.
 */
import { data, type Expr as ExpressionAst } from "@actions/expressions";
import { Binary, FunctionCall, IndexAccess, Literal } from "@actions/expressions/ast";
import { evaluateCondition, type Contexts } from "../expressions/evaluate.ts";
import { childrenOf, contextPathsOf } from "./expressions.ts";

/** The job's status as the status functions see it when a step's `if:` is evaluated. */
export type JobStatus = "success" | "failure" | "cancelled";

/** The values a step outcome, conclusion or job result can take. */
const RESULTS = ["success", "failure", "cancelled", "skipped"] as const;

/** A context path and the values it is tried with. */
export interface Atom {
  readonly path: string;
  readonly domain: readonly string[];
}

/** Context path → value, for one evaluation. */
export type Assignment = ReadonlyMap<string, string>;

/** A value no literal of the conditions equals: "anything else". */
export const OTHER_VALUE = "\u0000other";

/**
 * The atoms of some conditions. Results (`*.outcome`, `*.conclusion`, `needs.*.result`)
 * range over the four results; every other path over the literals it is compared
 * with or passed beside (`github.event_name == 'push'`, `contains(x, 'chore')`), the
 * empty string (what a skipped step's output reads as) and one value equal to no
 * literal. Comparisons and string functions only tell these classes apart, so one
 * member of each is exhaustive for `==`, `!=`, `!`, `&&`, `||` and
 * `contains`/`startsWith`/`endsWith` against literals.
 */
export function atomsOf(conditions: readonly ExpressionAst[]): Atom[] {
  const literals = new Map<string, Set<string>>();
  for (const ast of conditions) {
    for (const path of contextPathsOf(ast)) if (!literals.has(path.text)) literals.set(path.text, new Set(["", OTHER_VALUE]));
    for (const [path, literal] of comparedLiterals(ast)) literals.get(path)?.add(literal);
  }
  return [...literals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, domain]) => ({ path, domain: isResultPath(path) ? RESULTS : [...domain] }));
}

/** Pairs (path, literal) for every comparison or function call that has both among its operands. */
function comparedLiterals(ast: ExpressionAst): [string, string][] {
  const pairs: [string, string][] = [];
  const visit = (node: ExpressionAst): void => {
    if (node instanceof Binary || node instanceof FunctionCall) {
      const operands = node instanceof Binary ? [node.left, node.right] : node.args;
      const texts = operands.flatMap(literalsOf);
      for (const operand of operands) for (const path of contextPathsOf(operand)) for (const text of texts) pairs.push([path.text, text]);
    }
    childrenOf(node).forEach(visit);
  };
  visit(ast);
  return pairs;
}

/** True for a path whose value is a step or job result. */
function isResultPath(path: string): boolean {
  const segments = path.split(".");
  const last = segments[segments.length - 1];
  return (segments[0] === "steps" && segments.length === 3 && (last === "outcome" || last === "conclusion")) ||
    (segments[0] === "needs" && segments.length === 3 && last === "result") ||
    path === "job.status";
}

/** Number of assignments `assignments(atoms)` yields. */
export function assignmentCount(atoms: readonly Atom[]): number {
  return atoms.reduce((n, atom) => n * atom.domain.length, 1);
}

/** Every assignment of the atoms, one value each. */
export function* assignments(atoms: readonly Atom[]): Generator<Assignment> {
  const index = atoms.map(() => 0);
  if (atoms.some((atom) => atom.domain.length === 0)) return;
  for (;;) {
    yield new Map(atoms.map((atom, i) => [atom.path, atom.domain[index[i] ?? 0] ?? ""]));
    let i = 0;
    while (i < atoms.length && (index[i] = (index[i] ?? 0) + 1) === atoms[i]?.domain.length) index[i++] = 0;
    if (i === atoms.length) return;
  }
}

/**
 * Whether a step or job with this raw `if:` value runs under the assignment, as the
 * runner decides it (implicit `success()`, status functions from the job status).
 * A condition that fails to evaluate counts as false: the runner does not run it.
 */
export function runs(condition: unknown, values: Assignment, status: JobStatus): boolean {
  if (condition !== undefined && typeof condition !== "string" && typeof condition !== "boolean") return false;
  try {
    return evaluateCondition(condition, contextsOf(values), { failed: status === "failure", cancelled: status === "cancelled" });
  } catch {
    return false;
  }
}

/** Nests `a.b.c → v` entries into plain context objects; a longer path wins over its prefix. */
export function contextsOf(values: Assignment): Contexts {
  type Tree = { [key: string]: Tree | string };
  const tree: Tree = {};
  for (const [path, value] of values) {
    const segments = path.split(".");
    let node = tree;
    segments.forEach((segment, i) => {
      const existing = node[segment];
      if (i === segments.length - 1) {
        if (typeof existing !== "object") node[segment] = value;
      } else {
        node = typeof existing === "object" ? existing : (node[segment] = {});
      }
    });
  }
  return tree;
}

function literalsOf(ast: ExpressionAst): string[] {
  const found: string[] = [];
  const visit = (node: ExpressionAst): void => {
    if (node instanceof Literal && node.literal.kind !== data.Kind.Null) found.push(node.literal.coerceString());
    // Property names (`github.event`) are not values a context can hold.
    if (node instanceof IndexAccess) return [node.expr, ...(node.index instanceof Literal ? [] : [node.index])].forEach(visit);
    childrenOf(node).forEach(visit);
  };
  visit(ast);
  return found;
}
