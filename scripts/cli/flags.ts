/**
 * Command-line flags for the project's scripts: `--name value`, `--flag`, and
 * positional arguments, validated with a zod schema so a wrong flag is named.
 */
import { z } from "zod";

/**
 * Parses `argv` into an object and validates it. `--x y` → `{x: "y"}`, a bare `--x`
 * (or one followed by another flag) → `{x: true}`, anything else → `_` positionals.
 * On a bad flag, prints the problem and the command's usage and exits with 2.
 */
// Bound by zod's core schema type: against the full `z.ZodType`, a schema written inline
// in the call is checked contextually at several times the cost of the whole project.
export function parseFlags<S extends z.core.$ZodType>(command: string, argv: readonly string[], schema: S): z.core.output<S> {
  const raw: Record<string, unknown> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const next = argv[i + 1];
    const value = eq > 0 ? arg.slice(eq + 1) : next !== undefined && !next.startsWith("--") ? (i++, next) : true;
    raw[name] = value;
  }
  if (positional.length) raw["_"] = positional;
  const parsed = z.safeParse(schema, raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length ? `--${issue.path.join(".")}` : "arguments";
      return `  ${where}: ${issue.message}`;
    });
    console.error(`${command}: bad arguments\n${problems.join("\n")}`);
    process.exit(2);
  }
  return parsed.data;
}
