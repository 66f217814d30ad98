/**
 * A model of how the GitHub Actions runner finds workflow commands in what a step
 * prints: a line that starts with `::name…::` once leading white space is trimmed,
 * and the legacy `##[name]` form anywhere in a line (the runner's ActionCommand
 * parsers, V2 then V1). Tests use it to show that hostile text we print is not one.
 */

/** True when the runner would read some line of the printed text as a workflow command. */
export function readsAsCommand(printed: string): boolean {
  return printed.split(/\r\n|\r|\n/).some((line) => /^::[^:]*::/.test(line.trimStart()) || /##\[[^\]]*\]/.test(line));
}
