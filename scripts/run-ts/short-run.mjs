/**
 * V8 tuned for a process that runs for seconds over code that runs once: the project's
 * commands and the test suite's processes.
 */
import v8 from "node:v8";

/**
 * Turns off V8's optimizing compiler (TurboFan); Maglev, where V8 has it, stays. In
 * runs this short TurboFan spent more CPU compiling hot functions than they saved, and
 * on two cores that CPU is taken from the work beside it: gen after an edit went from
 * 1.84 to 1.50 s, 100 synthetic workflows from 0.9 to 0.6 s of CPU, and `npm test`
 * from 87 to 80 s of CPU.
 */
export function tuneForShortRun() {
  v8.setFlagsFromString("--max-opt=2");
}
