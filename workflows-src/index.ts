/**
 * The registry of workflows to emit, listed explicitly (no file discovery). Each
 * entry builds one workflow; its module's file name is the output's file name.
 */
import { build as dockerBuild } from "./docker-build.ts";
import { build as renovateRegenerate } from "./renovate-regenerate.ts";
import { build as workflowsCheck } from "./workflows-check.ts";
import type { BuiltWorkflow } from "./kit/workflow.ts";
import { build as aikidoCoverage } from "./aikido-coverage.ts";
import { build as autoAddToProject } from "./auto-add-to-project.ts";
import { build as autoChangelog } from "./auto-changelog.ts";
import { build as autoLabelIssues } from "./auto-label-issues.ts";
import { build as autoVersioning } from "./auto-versioning.ts";
import { build as badgeGhcrDownloads } from "./badge-ghcr-downloads.ts";
import { build as benchmark } from "./benchmark.ts";
import { build as buildOffline } from "./build-offline.ts";
import { build as caddyCompat } from "./caddy-compat.ts";
import { build as caddyMajorMonitor } from "./caddy-major-monitor.ts";
import { build as caddyPr1Compat } from "./caddy-pr1-compat.ts";
import { build as cerberusIntegration } from "./cerberus-integration.ts";
import { build as ci } from "./ci.ts";
import { build as claude } from "./claude.ts";
import { build as claudeCodeReview } from "./claude-code-review.ts";
import { build as codecovUpload } from "./codecov-upload.ts";
import { build as codeql } from "./codeql.ts";
import { build as containerPrune } from "./container-prune.ts";
import { build as createLabels } from "./create-labels.ts";
import { build as crowdsecIntegration } from "./crowdsec-integration.ts";
import { build as dockerLint } from "./docker-lint.ts";
import { build as docs } from "./docs.ts";
import { build as docsDeploy } from "./docs-deploy.ts";
import { build as docsToIssues } from "./docs-to-issues.ts";
import { build as dryRunHistoryRewrite } from "./dry-run-history-rewrite.ts";
import { build as nightlyBuild } from "./nightly-build.ts";
import { build as propagateChanges } from "./propagate-changes.ts";
import { build as qualityChecks } from "./quality-checks.ts";
import { build as releaseGoreleaser } from "./release-goreleaser.ts";
import { build as renovate } from "./renovate.ts";
import { build as renovatePrune } from "./renovate_prune.ts";
import { build as securityPr } from "./security-pr.ts";
import { build as supplyChainPr } from "./supply-chain-pr.ts";
import { build as supplyChainVerify } from "./supply-chain-verify.ts";
import { build as wafIntegration } from "./waf-integration.ts";

export const workflows: readonly (() => BuiltWorkflow)[] = [dockerBuild, renovateRegenerate, workflowsCheck, aikidoCoverage, autoAddToProject, autoChangelog, autoLabelIssues, autoVersioning, badgeGhcrDownloads, benchmark, buildOffline, caddyCompat, caddyMajorMonitor, caddyPr1Compat, cerberusIntegration, ci, claude, claudeCodeReview, codecovUpload, codeql, containerPrune, createLabels, crowdsecIntegration, dockerLint, docs, docsDeploy, docsToIssues, dryRunHistoryRewrite, nightlyBuild, propagateChanges, qualityChecks, releaseGoreleaser, renovate, renovatePrune, securityPr, supplyChainPr, supplyChainVerify, wafIntegration];
