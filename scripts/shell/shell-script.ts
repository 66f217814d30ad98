/**
 * A shell script as the project reads it (read-shell.ts parses it): its pipelines in
 * order, each simple command with its words, assignments, output, here-document and
 * substitutions, and every parameter expansion. Plain data, so a script read once can
 * be remembered (remembered-scripts.ts); code that only walks a script imports this
 * module, not the parser, which compiles its grammars when it loads.
 */

/** The grammar a script is read with: POSIX shells and bash, or PowerShell. */
export type ShellDialect = "bash" | "powershell";

/** One word of a command as written and as the command receives it. */
export interface ShellWord {
  /** The word as written, quotes included. */
  readonly text: string;
  /** Quotes removed; expansions and substitutions kept as written (`c=$(date)`). */
  readonly value: string;
  /** The leading part of `value` that no expansion or substitution computes (all of it for a constant word). */
  readonly literal: string;
}

/** Where a command's standard output goes: a file, the next command of a pipeline, or the substitution that captures it. */
export type ShellOutput = { readonly kind: "file"; readonly target: ShellWord; readonly append: boolean } | { readonly kind: "pipe" } | { readonly kind: "captured" };

/** A `$( )`, backtick, `<( )`/`>( )` substitution or a PowerShell `( )`/`$( )`, with the script inside it. */
export interface ShellSubstitution {
  readonly opener: "$(" | "`" | "<(" | ">(" | "(";
  readonly script: ShellScript;
}

/** A parameter expansion: `$NAME` (no operator), `${NAME:-0}` (operator `:-`, operand `0`). */
export interface ParameterExpansion {
  readonly name: string;
  readonly operator: string | undefined;
  readonly operand: string | undefined;
}

/** One simple command (or a `[ ]` test, an assignment alone, a `for`/`case` head). */
export interface ShellCommand {
  /** The command as written. */
  readonly text: string;
  /** The program it runs without its directory (`/bin/bash` → `bash`); undefined when computed or absent. Wrappers such as `sudo`, `env`, `exec` and their options are skipped. */
  readonly name: string | undefined;
  /** The words from the program on (wrappers and assignments skipped). */
  readonly words: readonly ShellWord[];
  readonly assignments: readonly { readonly name: string; readonly value: ShellWord }[];
  /** Where its standard output goes; undefined when it goes to the step's log. */
  readonly stdout: ShellOutput | undefined;
  /** The body of a here-document (or a here-string) it reads, as written. */
  readonly hereDocument: string | undefined;
  /** Substitutions in its words, assignments and redirections (nested ones belong to their own script). */
  readonly substitutions: readonly ShellSubstitution[];
  /** Parameter expansions in its words, assignments and redirections. */
  readonly expansions: readonly ParameterExpansion[];
  /** Position of its part in the pipeline (0 for the first command of a pipeline, or a command alone). */
  readonly stage: number;
}

/** Commands joined by `|`, and the operator that joins the pipeline to the previous one. */
export interface ShellPipeline {
  readonly joinedBy: "" | "&&" | "||" | ";";
  readonly commands: readonly ShellCommand[];
}

/** A script as read: its pipelines in order (bodies of `if`, loops, functions and groups flattened in). */
export interface ShellScript {
  readonly dialect: ShellDialect;
  readonly pipelines: readonly ShellPipeline[];
  /** Every parameter expansion of the script, in substitutions and here-documents too. */
  readonly expansions: readonly ParameterExpansion[];
  /** False when the parser met a syntax error (what it could read is still there). */
  readonly complete: boolean;
}

/** Every command of a script's pipelines, in order (not those inside substitutions). */
export function commandsOf(script: ShellScript): ShellCommand[] {
  return script.pipelines.flatMap((p) => [...p.commands]);
}

/** The script and every script nested in its substitutions, outermost first. */
export function everyScript(script: ShellScript): ShellScript[] {
  return [script, ...commandsOf(script).flatMap((c) => c.substitutions.flatMap((s) => everyScript(s.script)))];
}
