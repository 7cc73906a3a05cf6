#!/usr/bin/env bash
# Refresh the vendored front-end assets from the npm registry. Needs node/npm only when run;
# the copied files are committed so that a fresh machine serves them without node and without a CDN.
# Usage: bash scripts/vendor_assets.sh   (the version comes from package.json)
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(python3 -c 'import json; print(json.load(open("package.json"))["dependencies"]["bootstrap"])')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "bootstrap@${version}" >/dev/null && tar -xzf "bootstrap-${version}.tgz")

dest=static/vendor/bootstrap
mkdir -p "$dest"
cp "$work/package/dist/css/bootstrap.min.css" "$dest/"
cp "$work/package/dist/js/bootstrap.bundle.min.js" "$dest/"
cp "$work/package/LICENSE" "$dest/LICENSE"
# Drop the source-map comments: the maps are not vendored, and browsers would ask for them.
sed -i '/sourceMappingURL=/d' "$dest/bootstrap.min.css" "$dest/bootstrap.bundle.min.js"
echo "bootstrap ${version} vendored into ${dest}"
