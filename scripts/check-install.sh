#!/usr/bin/env bash
# The install recipes of the README and docs/, run for real (from .ci/run):
#  1. the packed tarball (`npm pack`) installed into an empty folder, then
#     `npx essaylint` and `npx essaylint-language-server` run from there;
#  2. a fresh clone installed with runtime dependencies only
#     (`npm ci --omit=dev`, as the GitHub Action does), then `npx essaylint`.
# Both lint the bundled sample essay and must print its findings.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sample="$root/fixtures/essays/mali-sovereignty.md"

expect_findings() { # <label> <report file>
  if ! grep -q 'perspective-coverage' "$2"; then
    echo "check-install: $1: no findings on the sample essay" >&2
    cat "$2" >&2
    exit 1
  fi
  echo "check-install: $1: ok"
}

# 1. The tarball, in an empty folder. (npm test has just built dist/.)
(cd "$root" && npm pack --ignore-scripts --silent --pack-destination "$work" > "$work/packed")
tarball="$work/$(tail -n 1 "$work/packed")"
mkdir "$work/course" && cp "$sample" "$work/course/essay.md"
(cd "$work/course" && npm init -y > /dev/null && npm install --no-audit --no-fund --silent "$tarball")
(cd "$work/course" && npx --no-install essaylint essay.md > "$work/tarball.txt") || [ $? -eq 1 ]
expect_findings "npm install essaylint-<version>.tgz" "$work/tarball.txt"
(cd "$work/course" && npx --no-install essaylint-language-server --version > /dev/null)

# 2. A fresh clone of the committed tree with runtime dependencies only.
git clone --quiet --no-hardlinks "$root" "$work/clone"
(cd "$work/clone" && npm ci --omit=dev --no-audit --no-fund --silent > /dev/null)
(cd "$work/clone" && npx --no-install essaylint fixtures/essays/mali-sovereignty.md > "$work/clone.txt") || [ $? -eq 1 ]
expect_findings "npm ci --omit=dev && npx essaylint" "$work/clone.txt"
