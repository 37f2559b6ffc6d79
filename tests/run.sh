#!/usr/bin/env bash
# Builds the whole solution (which also compiles the firmware against the nanoFramework API contract)
# and runs every test project. Prints one closing line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

configuration="${CONFIGURATION:-Release}"
log_dir="artifacts/test-logs"
mkdir -p "$log_dir"
log="$log_dir/dotnet-test.log"

dotnet build WandFirmware.sln -c "$configuration" -nologo -clp:NoSummary -v:minimal

# The Native AOT wand, published once (any trim or AOT warning fails it); tests/Wand.Cli.AotTests runs it beside the
# framework-dependent build.
aot_started=$SECONDS
dotnet publish host-cli/Wand.Cli -c Release -r linux-x64 -o artifacts/aot/wand -nologo -clp:NoSummary -v:minimal
echo "Native AOT publish: $((SECONDS - aot_started)) s"
export WAND_AOT_BINARY="$PWD/artifacts/aot/wand/wand"

status=0
dotnet test WandFirmware.sln -c "$configuration" --no-build -nologo -v:minimal 2>&1 | tee "$log" || status=$?

summary=$(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(",", "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  failed  += $(i + 1);
      if ($i == "Passed:")  passed  += $(i + 1);
      if ($i == "Skipped:") skipped += $(i + 1);
    }
    runs++;
  }
  END { printf "%d %d %d %d", passed, failed, skipped, runs }' "$log")
read -r passed failed skipped runs <<<"$summary"

if [ "$runs" -eq 0 ]; then
  echo "No test project reported results." >&2
  status=1
fi
if [ "$failed" -ne 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
