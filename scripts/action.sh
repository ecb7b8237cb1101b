#!/usr/bin/env bash
# The GitHub Action's one step (action.yml), kept as a script so it can be run
# and tested outside GitHub. Inputs arrive in ESSAYLINT_* variables (never
# interpolated into the script, so essay names cannot inject commands).
# Lint findings become annotations within GitHub's limits, with the class's
# findings per essay in the job summary (scripts/action-report.mjs); grades go
# to the job summary as Markdown; the lowest score and the HTML class report's
# path are outputs. Exits non-zero when
# linting fails or an essay scores below ESSAYLINT_MIN_SCORE.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
essaylint=(node "$root/bin/essaylint.js")
mode="${ESSAYLINT_MODE:-both}"
summary="${GITHUB_STEP_SUMMARY:-/dev/null}"
output="${GITHUB_OUTPUT:-/dev/null}"
read -r -a files <<< "${ESSAYLINT_FILES:-.}"

common=()
[ -n "${ESSAYLINT_CONFIG:-}" ] && common+=(--config "$ESSAYLINT_CONFIG")

case "$mode" in lint|grade|both) ;; *) echo "essaylint: mode must be lint, grade or both, not \"$mode\"" >&2; exit 2 ;; esac

status=0
if [ "$mode" != grade ]; then
  # The JSON report, then the annotations GitHub will show (10 of each kind
  # per step: errors first, warnings and notices dealt out over the essays,
  # and a notice counting the rest) and the class summary.
  lint=("${essaylint[@]}" --format json "${common[@]}")
  [ -n "${ESSAYLINT_MAX_WARNINGS:-}" ] && lint+=(--max-warnings "$ESSAYLINT_MAX_WARNINGS")
  report="$(mktemp)"
  "${lint[@]}" --output "$report" "${files[@]}" || status=$?
  node "$root/scripts/action-report.mjs" "$report" || status=2
  rm -f "$report"
fi

if [ "$mode" != lint ]; then
  grade=("${essaylint[@]}" grade "${common[@]}")
  [ -n "${ESSAYLINT_RUBRIC:-}" ] && grade+=(--rubric "$ESSAYLINT_RUBRIC")
  json="$(mktemp)"
  "${grade[@]}" --format json --output "$json" "${files[@]}"
  code=$?
  if [ "$code" -eq 2 ]; then status=2; fi
  "${grade[@]}" --format markdown "${files[@]}" >> "$summary" 2>/dev/null
  # The class report (one HTML file): action.yml uploads it as an artifact and links it in the summary.
  report="${ESSAYLINT_REPORT:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/essaylint-report.html}"
  "${grade[@]}" --format html --output "$report" "${files[@]}" 2>/dev/null
  [ -s "$report" ] && echo "report=$report" >> "$output"
  lowest="$(node -e 'const t=require("fs").readFileSync(process.argv[1],"utf8");const s=t?JSON.parse(t).summary:{count:0};console.log(s.count?s.min:"")' "$json")"
  rm -f "$json"
  echo "lowest-score=$lowest" >> "$output"
  if [ -n "${ESSAYLINT_MIN_SCORE:-}" ] && [ -n "$lowest" ]; then
    if node -e 'process.exit(Number(process.argv[1]) < Number(process.argv[2]) ? 1 : 0)' "$lowest" "$ESSAYLINT_MIN_SCORE"; then :; else
      echo "::error title=essaylint::An essay scored $lowest, below the minimum of $ESSAYLINT_MIN_SCORE."
      [ "$status" -eq 0 ] && status=1
    fi
  fi
fi
exit "$status"
