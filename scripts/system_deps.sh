#!/usr/bin/env bash
# Debian packages the tests need (browser for the widget tests, nodejs for the widget's unit tests,
# servers for the deployment tests, openssl for the certificate the HTTPS deployment test makes).
# Installs only what is missing; needs root (CI runs as root) or prints what to install.
set -euo pipefail
PACKAGES=(chromium nodejs postgresql redis-server nginx openssl)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Paquets Debian manquants : ${missing[*]}. Installez-les : sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installation des paquets Debian : ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
