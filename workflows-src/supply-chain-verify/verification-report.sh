cat << EOF > verification-report.md
# Supply Chain Verification Report

**Image**: ${IMAGE}
**Date**: $(date -u +"%Y-%m-%d %H:%M:%S UTC")
**Workflow**: ${WORKFLOW}
**Run**: ${RUN_ID}

## Results

- **SBOM Verification**: ${SBOM_VERIFICATION}
- **Cosign Signature**: ${JOB_STATUS}
- **SLSA Provenance**: Not yet implemented (Phase 3)

## Verification Failure Recovery

If verification failed:
1. Check workflow logs for detailed error messages
2. Verify signing steps ran successfully in build workflow
3. Confirm attestations were pushed to registry
4. Check Rekor status: https://status.sigstore.dev
5. For Rekor outages, manual verification may be required
6. Re-run build if signatures/provenance are missing
EOF

cat verification-report.md >> $GITHUB_STEP_SUMMARY
