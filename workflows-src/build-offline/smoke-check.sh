set -euo pipefail
docker run --rm --entrypoint sh charon:offline -c '
  set -e
  test -x /usr/bin/caddy
  test -x /usr/local/bin/crowdsec
  test -x /usr/local/bin/cscli
  test -x /app/charon
  # Functional check on the from-source Caddy (safe, no server start).
  /usr/bin/caddy version
'
