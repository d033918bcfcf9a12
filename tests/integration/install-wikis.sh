#!/usr/bin/env bash
# Installs what tests/integration/wikis.test.ts runs: Debian's DokuWiki and MediaWiki packages and
# the PHP modules they need. Idempotent: nothing is downloaded when everything is there already.
# Needs root (or sudo) on Debian/Ubuntu.
set -euo pipefail

packages=(php-cli php-sqlite3 php-mbstring php-xml php-intl dokuwiki mediawiki)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "wikis: all packages are installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

echo "wikis: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
# The packages' web-server integration is not used: the tests serve the wikis with `php -S`.
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
