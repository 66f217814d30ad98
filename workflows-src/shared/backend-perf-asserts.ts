/**
 * The backend's performance assertions (Go's TestPerf in the API handlers) against
 * fixed latency limits: the quality checks and the benchmark workflow both run them.
 */
import { scriptStep, type StepHandle } from "../kit/index.ts";

/** "Run Perf Asserts": fails when a p95 latency passes its limit. */
export function backendPerfAsserts(): StepHandle {
  return scriptStep({
    name: "Run Perf Asserts",
    "working-directory": "backend",
    // Conservative limits, to keep shared runners from making the check flaky.
    env: { PERF_MAX_MS_GETSTATUS_P95: "500ms", PERF_MAX_MS_GETSTATUS_P95_PARALLEL: "1500ms", PERF_MAX_MS_LISTDECISIONS_P95: "2000ms" },
    run: 'echo "## 🔍 Running performance assertions (TestPerf)" >> $GITHUB_STEP_SUMMARY\ngo test -run TestPerf -v ./internal/api/handlers -count=1 | tee perf-output.txt\nexit ${PIPESTATUS[0]}\n',
  });
}
