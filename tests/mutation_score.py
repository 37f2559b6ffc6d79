"""Mutation score of one folder of the firmware core, with and without the listed equivalent mutants.

Usage: mutation_score.py REPORT_JSON EQUIVALENTS_TSV FOLDER THRESHOLD WALL_SECONDS

REPORT_JSON is Stryker's mutation-testing-report-schema JSON. EQUIVALENTS_TSV lists the equivalent mutants, one per
line: file relative to firmware/core, line of the original code, Stryker mutator name, replacement text with runs of
white space collapsed to one space ('#' starts a comment line). A listed mutant counts as equivalent only if it
survived (or had no coverage) in this run. Prints one tab-separated summary line on standard output, every survivor
that is not listed on standard error, and exits 1 when the score without equivalents is below THRESHOLD percent.
"""
import datetime
import json
import re
import sys


def collapse(text):
    return re.sub(r"\s+", " ", text or "").strip()


def main():
    report_path, equivalents_path, folder, threshold, seconds = sys.argv[1:6]
    with open(report_path, encoding="utf-8") as stream:
        report = json.load(stream)
    equivalents = set()
    with open(equivalents_path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4 or not fields[1].isdigit():
                sys.exit(f"{equivalents_path}:{number}: expected file, line, mutator, replacement separated by tabs")
            equivalents.add((fields[0], int(fields[1]), fields[2], collapse(fields[3])))

    counts = {"Killed": 0, "Timeout": 0, "Survived": 0, "NoCoverage": 0}
    equivalent = 0
    matched = set()
    for path, entry in report["files"].items():
        relative = path.replace("\\", "/").split("/firmware/core/")[-1]
        if not relative.startswith(folder + "/"):
            continue
        for mutant in entry["mutants"]:
            status = mutant["status"]
            if status not in counts:
                continue
            counts[status] += 1
            if status in ("Survived", "NoCoverage"):
                key = (relative, mutant["location"]["start"]["line"], mutant["mutatorName"],
                       collapse(mutant.get("replacement")))
                if key in equivalents:
                    equivalent += 1
                    matched.add(key)
                else:
                    print(f"{folder}: {status.lower()} and not listed as equivalent: {key[0]}:{key[1]} "
                          f"{key[2]} -> {key[3]}", file=sys.stderr)
    for key in sorted(equivalents - matched):
        if key[0].startswith(folder + "/"):
            print(f"{folder}: listed equivalent did not survive this run (stale line?): {key[0]}:{key[1]} {key[2]} -> "
                  f"{key[3]}", file=sys.stderr)

    detected = counts["Killed"] + counts["Timeout"]
    total = detected + counts["Survived"] + counts["NoCoverage"]
    raw = 100.0 * detected / total if total else 100.0
    killable = total - equivalent
    score = 100.0 * detected / killable if killable else 100.0
    print("\t".join([
        datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        folder, str(counts["Killed"]), str(counts["Timeout"]), str(counts["Survived"]), str(counts["NoCoverage"]),
        str(equivalent), f"{raw:.2f}", f"{score:.2f}", seconds]))
    return 0 if score >= float(threshold) else 1


if __name__ == "__main__":
    sys.exit(main())
