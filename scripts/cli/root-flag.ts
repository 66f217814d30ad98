/**
 * The flags of `gen` and `check`: only `--root DIR`. Run without arguments, as on
 * every edit, they skip loading zod (a sizeable share of their start-up); any argument
 * is validated with zod as every other command's flags are.
 */

/** The project tree a command reads and writes. */
export interface RootFlags {
  root: string;
}

/** Parses `argv` of `gen`/`check`; `projectRoot` is the default of `--root`. */
export async function parseRootFlag(command: string, argv: readonly string[], projectRoot: string): Promise<RootFlags> {
  if (argv.length === 0) return { root: projectRoot };
  const [{ z }, { parseFlags }] = await Promise.all([import("zod"), import("./flags.ts")]);
  return parseFlags(command, argv, z.object({ root: z.string().default(projectRoot) }).strict());
}
