bash scripts/caddy-compat-matrix.sh \
  --candidate-version 2.11.1 \
  --patch-scenarios A,B,C \
  --platforms linux/amd64,linux/arm64 \
  --smoke-set boot_caddy,plugin_modules,config_validate,admin_api_health \
  --output-dir test-results/caddy-compat \
  --docs-report "$DOCS_REPORT"
