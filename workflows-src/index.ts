/**
 * The registry of workflows to emit, listed explicitly (no file discovery). Each
 * entry builds one workflow; its module's file name is the output's file name.
 */
import { build as dockerBuild } from "./docker-build.ts";
import { build as renovateRegenerate } from "./renovate-regenerate.ts";
import { build as workflowsCheck } from "./workflows-check.ts";
import type { BuiltWorkflow } from "./kit/workflow.ts";
import { build as badgeGhcrDownloads } from "./badge-ghcr-downloads.ts";
import { build as dryRunHistoryRewrite } from "./dry-run-history-rewrite.ts";
import { build as caddyCompat } from "./caddy-compat.ts";
import { build as caddyPr1Compat } from "./caddy-pr1-compat.ts";
import { build as buildOffline } from "./build-offline.ts";
import { build as claudeCodeReview } from "./claude-code-review.ts";
import { build as claude } from "./claude.ts";
import { build as ci } from "./ci.ts";
import { build as containerPrune } from "./container-prune.ts";
import { build as docsDeploy } from "./docs-deploy.ts";
import { build as crowdsecIntegration } from "./crowdsec-integration.ts";
import { build as cerberusIntegration } from "./cerberus-integration.ts";
import { build as aikidoCoverage } from "./aikido-coverage.ts";
import { build as securityPr } from "./security-pr.ts";
import { build as supplyChainPr } from "./supply-chain-pr.ts";
import { build as docsToIssues } from "./docs-to-issues.ts";
import { build as nightlyBuild } from "./nightly-build.ts";
import { build as supplyChainVerify } from "./supply-chain-verify.ts";

export const workflows: readonly (() => BuiltWorkflow)[] = [dockerBuild, renovateRegenerate, workflowsCheck, badgeGhcrDownloads, dryRunHistoryRewrite, caddyCompat, caddyPr1Compat, buildOffline, claudeCodeReview, claude, ci, containerPrune, docsDeploy, crowdsecIntegration, cerberusIntegration, aikidoCoverage, securityPr, supplyChainPr, docsToIssues, nightlyBuild, supplyChainVerify];
