#!/usr/bin/env bash
# Mutation testing of the firmware's safety core with Stryker.NET (dotnet-stryker 5.1.0, a dotnet tool on NuGet).
# Not part of CI (it takes long); run it before a release and after changes to the safety core:
#
#   ./tests/mutation.sh            # mutates firmware/core Safety, Heads, Monitors, Sessions, Calibration, one at a time
#   ./tests/mutation.sh Safety     # one folder only
#   WAND_MUTATION_CONCURRENCY=2 ./tests/mutation.sh Heads   # parallel test sessions (default 1)
#
# It mutates the shared firmware source as compiled by firmware/Wand.Core.Net and kills mutants with
# tests/Wand.Core.Tests (the requirement-level tests, SR1_… to SR18_…).
#
# Only Wand.Core.Tests kills mutants, on purpose. The simulation-level suites (Wand.Safety.Tests, Wand.Simulation.Tests)
# also run this code, but every one of their tests runs the whole firmware on the virtual board for seconds (10,000
# random sequences, 200-board populations), covers nearly every mutant and would be rerun for each of them: hours per
# folder on two cores instead of minutes. A mutant they would kill is instead killed by a unit test named after the
# rule it breaks, which fails in milliseconds and names the rule, not a random sequence.
#
# Each folder is a separate Stryker run with its own report (HTML and JSON, with every surviving mutant) in
# artifacts/mutation/<folder>/reports/. Stryker's own score counts every survivor. A survivor is either killed by a
# new test or listed as equivalent, with the reason, in tests/README.md ("Equivalent mutants"), which can never be
# killed. The gate is the score over the mutants that can be killed: a folder fails when
#   (killed + timeout) / (killed + timeout + survived + no coverage − listed equivalents) < 90 %,
# with the equivalents listed in tests/mutation-equivalents.tsv (file, line, mutator, replacement text) that
# survived this run; the raw score is printed beside it. Summary lines go to artifacts/mutation/summary.tsv
# (computed by tests/mutation_score.py, which needs python3).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/artifacts/tools"
version="5.1.0"
threshold=90
concurrency="${WAND_MUTATION_CONCURRENCY:-1}"
if [[ $# -gt 0 ]]; then folders=("$@"); else folders=(Safety Heads Monitors Sessions Calibration); fi

for folder in "${folders[@]}"; do
  if [[ ! -d "$root/firmware/core/$folder" ]]; then
    echo "mutation.sh: no folder firmware/core/$folder (expected one of Safety Heads Monitors Sessions Calibration)" >&2
    exit 2
  fi
done

if [[ ! -x "$tools/dotnet-stryker" ]]; then
  dotnet tool install dotnet-stryker --version "$version" --tool-path "$tools"
fi

summary="$root/artifacts/mutation/summary.tsv"
mkdir -p "$root/artifacts/mutation"
[[ -f "$summary" ]] || printf 'finished\tfolder\tkilled\ttimeout\tsurvived\tno_coverage\tequivalent\traw_score\tscore_without_equivalents\twall_seconds\n' > "$summary"
failed=0

for folder in "${folders[@]}"; do
  output="$root/artifacts/mutation/$folder"
  rm -rf "$output"
  mkdir -p "$output"
  config="$output/stryker-config.json"
  # The project and test project are named by full path and the target framework is fixed: the test project's
  # reference graph reaches several projects, and naming them explicitly spares Stryker's project discovery.
  cat > "$config" <<EOF
{
  "stryker-config": {
    "project": "Wand.Core.Net.csproj",
    "test-projects": ["$root/tests/Wand.Core.Tests/Wand.Core.Tests.csproj"],
    "target-framework": "net10.0",
    "configuration": "Release",
    "reporters": ["html", "json", "progress"],
    "thresholds": { "high": 95, "low": $threshold, "break": 0 },
    "concurrency": $concurrency,
    "mutate": ["$root/firmware/core/$folder/**/*.cs"]
  }
}
EOF
  started=$(date +%s)
  (cd "$root/firmware/Wand.Core.Net" && "$tools/dotnet-stryker" --config-file "$config" --output "$output")
  seconds=$(( $(date +%s) - started ))
  if ! python3 "$root/tests/mutation_score.py" "$output/reports/mutation-report.json" "$root/tests/mutation-equivalents.tsv" \
      "$folder" "$threshold" "$seconds" >> "$summary"; then
    failed=1
  fi
  tail -n 1 "$summary"
done

exit "$failed"
