#!/usr/bin/env bash
# Installs what tests/integration/clickhouse.test.ts and tests/bench/clickhouse.bench.ts run:
# Debian's clickhouse-server (18.16 in Debian 12). Idempotent; needs root (or sudo) on Debian.
# The package's own service is not used: the tests start their own server in a temp directory.
set -euo pipefail

if dpkg-query -W -f='${Status}' clickhouse-server 2>/dev/null | grep -q 'install ok installed'; then
  echo "clickhouse: clickhouse-server is installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

echo "clickhouse: installing clickhouse-server"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends clickhouse-server \
  || echo "clickhouse: could not install clickhouse-server; its tests will be skipped"
