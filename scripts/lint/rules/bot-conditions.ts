/**
 * bot-conditions: an `if:` that trusts a run because `github.actor` (or
 * `github.triggering_actor`) names a bot (`== 'dependabot[bot]'`) and nothing else in
 * the condition checks the pull request's author. The actor is whoever
 * last acted on the event's subject, not who wrote the code the run checks out: a
 * contributor can get a bot to act on their pull request and pass the check. Read
 * from GitHub's expression AST. Anchor: zizmor bot-conditions.
 */
import type { Expr as ExpressionAst } from "@actions/expressions";
import { Binary, ContextAccess, FunctionCall, Grouping, IndexAccess, Literal, Logical, Unary } from "@actions/expressions/ast";
import { data } from "@actions/expressions";
import { conditionOf, contextPathsOf } from "../expressions.ts";
import type { Report, Rule } from "../rule.ts";
import { jobsOf, stepsOf } from "../walk.ts";

const ACTORS = new Set(["github.actor", "github.triggering_actor"]);

export const botConditions: Rule = {
  id: "bot-conditions",
  severity: "error",
  documents: ["workflow", "action"],
  what: "an `if:` that checks `github.actor` or `github.triggering_actor` against a bot name (`dependabot[bot]`)",
  why: "the actor is whoever last acted on the pull request or branch, so a contributor can make the bot the actor of a run on their own code and pass the check; test the pull request's author (`github.event.pull_request.user.login`) instead",
  examples: {
    failing: `on: pull_request
permissions: {}
jobs:
  automerge:
    if: github.actor == 'dependabot[bot]'
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "merging"
`,
    passing: `on: pull_request
permissions: {}
jobs:
  automerge:
    if: github.event.pull_request.user.login == 'dependabot[bot]'
    runs-on: ubuntu-latest
    permissions: {}
    steps:
      - run: echo "merging"
`,
  },
  check(document, report) {
    for (const job of jobsOf(document.workflow)) {
      checkCondition(`${job.path}.if`, job.job["if"], report);
      for (const step of stepsOf(job)) checkCondition(`${step.path}.if`, step.step["if"], report);
    }
  },
};

function checkCondition(path: string, value: unknown, report: Report): void {
  const ast = conditionOf(value);
  // A condition that also tests the pull request's author does not rest on the actor.
  if (!ast || contextPathsOf(ast).some((p) => p.text === "github.event.pull_request.user.login")) return;
  for (const { actor, bot } of botChecks(ast)) {
    report(path, `"if:" trusts "${actor}" to be "${bot}", but the actor is whoever last acted on the event, not who wrote the code; check "github.event.pull_request.user.login" (the pull request's author) instead`);
  }
}

/**
 * Where the condition lets a run through because the actor is a bot: `==` (or
 * `contains`/`startsWith`/`endsWith`) under an even number of `!`, `!=` under an odd
 * one. `github.actor != 'dependabot[bot]'` keeps the bot out, which nobody gains by faking.
 */
function botChecks(ast: ExpressionAst): { actor: string; bot: string }[] {
  const found: { actor: string; bot: string }[] = [];
  const visit = (node: ExpressionAst, admits: boolean): void => {
    if (node instanceof Unary) return visit(node.expr, !admits);
    if (node instanceof Grouping) return visit(node.group, admits);
    if (node instanceof Logical) return node.args.forEach((arg) => visit(arg, admits));
    const equality = node instanceof Binary && (node.operator.lexeme === "==" || node.operator.lexeme === "!=");
    const matches = node instanceof FunctionCall && ["contains", "startswith", "endswith"].includes(node.functionName.lexeme.toLowerCase());
    if (!equality && !matches) return;
    const operands = node instanceof Binary ? [node.left, node.right] : (node as FunctionCall).args;
    const actor = operands.map(actorOf).find((a) => a !== undefined);
    const bot = operands.map(botNameOf).find((b) => b !== undefined);
    const negated = node instanceof Binary && node.operator.lexeme === "!=";
    if (actor && bot && admits !== negated) found.push({ actor, bot });
  };
  visit(ast, true);
  return found;
}

function actorOf(node: ExpressionAst | undefined): string | undefined {
  if (!(node instanceof ContextAccess || node instanceof IndexAccess)) return undefined;
  const path = contextPathsOf(node)[0];
  return path && ACTORS.has(path.text) ? path.text : undefined;
}

function botNameOf(node: ExpressionAst | undefined): string | undefined {
  if (!(node instanceof Literal) || node.literal.kind !== data.Kind.String) return undefined;
  const text = node.literal.coerceString();
  return text.toLowerCase().endsWith("[bot]") ? text : undefined;
}
