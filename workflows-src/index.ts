/**
 * The registry of workflows to emit, listed explicitly (no file discovery). Each
 * entry builds one workflow; its module's file name is the output's file name.
 */
import { build as dockerBuild } from "./docker-build.ts";
import { build as renovateRegenerate } from "./renovate-regenerate.ts";
import { build as workflowsCheck } from "./workflows-check.ts";
import type { BuiltWorkflow } from "./kit/workflow.ts";
import { build as autoAddToProject } from "./auto-add-to-project.ts";
import { build as autoChangelog } from "./auto-changelog.ts";
import { build as autoLabelIssues } from "./auto-label-issues.ts";
import { build as autoVersioning } from "./auto-versioning.ts";
import { build as benchmark } from "./benchmark.ts";
import { build as caddyMajorMonitor } from "./caddy-major-monitor.ts";
import { build as codecovUpload } from "./codecov-upload.ts";
import { build as codeql } from "./codeql.ts";
import { build as createLabels } from "./create-labels.ts";
import { build as dockerLint } from "./docker-lint.ts";
import { build as docs } from "./docs.ts";
import { build as propagateChanges } from "./propagate-changes.ts";
import { build as qualityChecks } from "./quality-checks.ts";
import { build as releaseGoreleaser } from "./release-goreleaser.ts";
import { build as renovate } from "./renovate.ts";
import { build as renovatePrune } from "./renovate_prune.ts";
import { build as wafIntegration } from "./waf-integration.ts";

export const workflows: readonly (() => BuiltWorkflow)[] = [dockerBuild, renovateRegenerate, workflowsCheck, autoAddToProject, autoChangelog, autoLabelIssues, autoVersioning, benchmark, caddyMajorMonitor, codecovUpload, codeql, createLabels, dockerLint, docs, propagateChanges, qualityChecks, releaseGoreleaser, renovate, renovatePrune, wafIntegration];
