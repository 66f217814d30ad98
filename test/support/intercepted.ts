/**
 * A command's code run in the test's own process as if it were the command's: a call
 * of `process.exit` stops it there (the call throws, and the code asked for is kept),
 * and the text it writes on stdout and stderr is kept instead of printed. The test
 * runner reports to its parent on stdout in bytes; those pass through.
 */
import type { TestContext } from "node:test";

/** What the code returned, or the exit code it asked for; and what it wrote on each stream. */
export interface Intercepted<T> {
  readonly value?: T;
  readonly exit?: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `run` with `process.exit` and the output streams intercepted (see above); the mocks end with it. */
export async function intercepted<T>(t: TestContext, run: () => T | Promise<T>): Promise<Intercepted<T>> {
  const printed = { stdout: "", stderr: "" };
  for (const stream of ["stdout", "stderr"] as const) {
    const write = process[stream].write.bind(process[stream]) as (chunk: unknown) => boolean;
    t.mock.method(process[stream], "write", (chunk: unknown) => (typeof chunk === "string" ? ((printed[stream] += chunk), true) : write(chunk)));
  }
  const stop = { code: 0 };
  t.mock.method(process, "exit", (code?: number) => {
    stop.code = code ?? 0;
    throw stop;
  });
  try {
    return { value: await run(), ...printed };
  } catch (thrown) {
    if (thrown !== stop) throw thrown;
    return { exit: stop.code, ...printed };
  } finally {
    t.mock.restoreAll();
  }
}
