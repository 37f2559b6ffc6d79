#!/usr/bin/env bash
# Mutation testing of the firmware's safety core with Stryker.NET (dotnet-stryker 5.1.0, a dotnet tool on NuGet).
# Not part of CI (it takes long); run it before a release and after changes to the safety core:
#
#   ./tests/mutation.sh            # mutates firmware/core Safety, Heads, Monitors, Sessions, Calibration
#   ./tests/mutation.sh Safety     # one folder only
#
# It mutates the shared firmware source as compiled by firmware/Wand.Core.Net and kills mutants with
# tests/Wand.Core.Tests (the requirement-level tests, SR1_… to SR18_…). The run fails below a 90 % mutation score.
#
# Only Wand.Core.Tests kills mutants, on purpose. The simulation-level suites (Wand.Safety.Tests, Wand.Simulation.Tests)
# also run this code, but every one of their tests runs the whole firmware on the virtual board for seconds (10,000
# random sequences, 200-board populations), covers nearly every mutant and would be rerun for each of them: hours per
# folder on two cores instead of minutes. A mutant they would kill is instead killed by a unit test named after the
# rule it breaks, which fails in milliseconds and names the rule, not a random sequence.
# Reports (HTML and JSON, with every surviving mutant) go to artifacts/mutation/. A survivor is either killed by a new
# test or listed as equivalent, with the reason, in tests/README.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tools="$root/artifacts/tools"
version="5.1.0"
folders=("${@:-Safety Heads Monitors Sessions Calibration}")
read -r -a folders <<< "${folders[*]}"

if [[ ! -x "$tools/dotnet-stryker" ]]; then
  dotnet tool install dotnet-stryker --version "$version" --tool-path "$tools"
fi

output="$root/artifacts/mutation"
mkdir -p "$output"
config="$output/stryker-config.json"
{
  echo '{'
  echo '  "stryker-config": {'
  echo '    "project": "Wand.Core.Net.csproj",'
  echo "    \"test-projects\": [\"$root/tests/Wand.Core.Tests/Wand.Core.Tests.csproj\"],"
  echo '    "configuration": "Release",'
  echo '    "reporters": ["html", "json", "progress", "cleartext"],'
  echo '    "thresholds": { "high": 95, "low": 90, "break": 90 },'
  echo '    "concurrency": 2,'
  echo -n '    "mutate": ['
  separator=""
  for folder in "${folders[@]}"; do
    echo -n "$separator\"$root/firmware/core/$folder/**/*.cs\""
    separator=", "
  done
  echo ']'
  echo '  }'
  echo '}'
} > "$config"

cd "$root/firmware/Wand.Core.Net"
"$tools/dotnet-stryker" --config-file "$config" --output "$output"
