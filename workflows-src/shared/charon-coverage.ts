/**
 * The coverage runs Charon's coverage workflows share (codecov-upload, aikido-coverage):
 * the manual run's choice of parts, the test run of a part with its output kept in a
 * file, and that file kept as an artifact.
 */
import { actionsUploadArtifactV7, github, ne, or, scriptStep, status, type Condition, type Expr, type StepHandle } from "../kit/index.ts";

/** The dispatch inputs that choose the parts a manual run measures. */
export const coverageInputs = {
  run_backend: { description: "Run backend coverage upload", required: false, default: true, type: "boolean" },
  run_frontend: { description: "Run frontend coverage upload", required: false, default: true, type: "boolean" },
} as const;

/** Every event runs each part; a manual run only the parts its inputs enable. */
export function partEnabled(input: Expr<boolean>): Condition {
  return or(ne(github.eventName, "workflow_dispatch"), input);
}

/** A part of Charon whose coverage is measured. */
export type CoveragePart = "backend" | "agent" | "frontend";

/** How a part's coverage is measured: its script under `scripts/`, the step's name and environment. */
interface PartRun {
  readonly script: string;
  readonly name: string;
  readonly env?: Readonly<Record<string, number>>;
}

const PARTS: Readonly<Record<CoveragePart, PartRun>> = {
  backend: { script: "go-test-coverage.sh", name: "Run Go tests with coverage", env: { CGO_ENABLED: 1 } },
  agent: { script: "agent-test-coverage.sh", name: "Run Go tests with coverage" },
  frontend: { script: "frontend-test-coverage.sh", name: "Run frontend tests and coverage" },
};

/** Runs a part's coverage script from the workspace root, its output kept in `<part>/test-output.txt`. */
export function coverageRun(part: CoveragePart): StepHandle {
  const { script, name, env } = PARTS[part];
  return scriptStep({
    name,
    "working-directory": github.workspace,
    ...(env ? { env } : {}),
    run: `bash scripts/${script} 2>&1 | tee ${part}/test-output.txt\nexit "\${PIPESTATUS[0]}"\n`,
  });
}

/** A part's test output, kept whether or not the tests passed. */
export function testOutputUpload(part: CoveragePart): StepHandle {
  return actionsUploadArtifactV7({ name: "Upload test output artifact", if: status.always(), with: { name: `${part}-test-output`, path: `${part}/test-output.txt`, "retention-days": 7 } });
}
