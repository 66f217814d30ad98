/**
 * The command line of every project command, read with Node's own `parseArgs`: each
 * command declares its flags once, with a description, and gets `--help` (usage,
 * flags, examples; exit 0) and the same answer to a mistake (the problem, then the
 * usage; exit 2). Values that need more than a type (a number, one of a set) are
 * checked by the command itself with `usageError`.
 */
import { parseArgs } from "node:util";

/** One flag: its type, what it does, and the name of its value in the usage. */
export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly description: string;
  /** How the value is named in the usage (`--root DIR`); string flags only. */
  readonly value?: string;
  /** May be given more than once (the values come as a list). */
  readonly multiple?: boolean;
  readonly short?: string;
}

/** What a command says about itself: the `--help` text is made from it. */
export interface CommandSpec<F extends Readonly<Record<string, FlagSpec>>> {
  /** The npm script name (`gen`), used in the usage line and in messages. */
  readonly name: string;
  /** What the command does, in a sentence or two. */
  readonly summary: string;
  readonly flags: F;
  /** Positional arguments, as shown in the usage (`[FILE…]`); none when absent. */
  readonly positionals?: string;
  readonly examples: readonly string[];
}

type FlagValue<S extends FlagSpec> = S["type"] extends "boolean" ? (S["multiple"] extends true ? boolean[] : boolean) : S["multiple"] extends true ? string[] : string;

/** The parsed command line: flag values by name (absent flags are undefined) and the positionals. */
export interface CommandLine<F extends Readonly<Record<string, FlagSpec>>> {
  readonly values: { readonly [K in keyof F]?: FlagValue<F[K]> };
  readonly positionals: readonly string[];
}

/** A wrong command line; `readCommandLine` and the commands turn it into exit code 2 with the usage. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Reads `argv` against the command's flags. `--help` / `-h` prints the usage and
 * exits 0; an unknown flag, a missing value or a positional where none is taken
 * prints the problem and the usage to stderr and exits 2.
 */
export function readCommandLine<F extends Readonly<Record<string, FlagSpec>>>(spec: CommandSpec<F>, argv: readonly string[]): CommandLine<F> {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usageText(spec));
    process.exit(0);
  }
  try {
    return parseCommandLine(spec, argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    exitWithUsage(spec, error.message);
  }
}

/** Like `readCommandLine`, but throws `UsageError` instead of exiting (for tests and wrappers). */
export function parseCommandLine<F extends Readonly<Record<string, FlagSpec>>>(spec: CommandSpec<F>, argv: readonly string[]): CommandLine<F> {
  const options = Object.fromEntries(
    Object.entries(spec.flags).map(([name, flag]) => [name, { type: flag.type, ...(flag.multiple ? { multiple: true } : {}), ...(flag.short ? { short: flag.short } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals: spec.positionals !== undefined, strict: true });
    return { values: values as CommandLine<F>["values"], positionals };
  } catch (error) {
    // parseArgs' messages name the flag; the hint about "--" is for Node's own flags, not ours.
    throw new UsageError(`${(error as Error).message.replace(/\. To specify a positional argument.*$/s, "")}`);
  }
}

/**
 * The whole number a flag gives, at least `min`; `fallback` when the flag is absent
 * (undefined: the flag is required). Anything else exits with the usage.
 */
export function wholeNumberFlag(spec: CommandSpec<Readonly<Record<string, FlagSpec>>>, flag: string, text: string | undefined, min: number, fallback?: number): number {
  const value = text === undefined ? fallback : Number(text);
  if (value === undefined || !Number.isInteger(value) || value < min) exitWithUsage(spec, `--${flag} takes a whole number of at least ${min}, not "${text ?? ""}"`);
  return value;
}

/** Prints `problem` and the usage to stderr and exits 2. */
export function exitWithUsage(spec: CommandSpec<Readonly<Record<string, FlagSpec>>>, problem: string): never {
  process.stderr.write(`${spec.name}: ${problem}\n\n${usageText(spec)}`);
  process.exit(2);
}

/** The `--help` text: usage line, summary, flags with their descriptions, examples. */
export function usageText(spec: CommandSpec<Readonly<Record<string, FlagSpec>>>): string {
  const flagWords = Object.entries(spec.flags).map(([name, flag]) => `[--${name}${flag.type === "string" ? ` ${flag.value ?? "VALUE"}` : ""}]`);
  const words = [...flagWords, ...(spec.positionals ? [spec.positionals] : [])];
  const lines = [`usage: npm run ${spec.name}${words.length ? ` -- ${words.join(" ")}` : ""}`, "", spec.summary, "", "flags:"];
  const rows = [
    ...Object.entries(spec.flags).map(([name, flag]) => [`--${name}${flag.type === "string" ? ` ${flag.value ?? "VALUE"}` : ""}`, flag.description + (flag.multiple ? " (may be repeated)" : "")]),
    ["--help, -h", "print this help and exit"],
  ];
  const width = Math.max(...rows.map(([left]) => left!.length));
  for (const [left, right] of rows) lines.push(`  ${left!.padEnd(width)}  ${right}`);
  lines.push("", "examples:", ...spec.examples.map((example) => `  ${example}`));
  return lines.join("\n") + "\n";
}
