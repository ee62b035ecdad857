#!/usr/bin/env bash
# analyze of synthetic output folders (bench/analysis-scale.md): per folder, wall and CPU time, the
# JVM's peak resident set and the largest heap left after a garbage collection (the live data),
# from a GC log. Usage: bench/analysis-scale.sh OUT_PREFIX FOLDER [ANALYZE FLAGS...]
set -euo pipefail
prefix=$1
folder=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
# no rm -rf of the report folder: analyze itself refuses a folder that is not a report it wrote
rm -f "$prefix-gc.log"
GRADSWEEP_JAVA_OPTS="-Xlog:gc:file=$prefix-gc.log" /usr/bin/time -v \
  "$here/bin/gradsweep" analyze "$folder" --out "$prefix-report" "$@" > "$prefix.log" 2>&1
grep -v ' WARN \|^WARNING\|^\s' "$prefix.log" || true
grep -E 'Elapsed|User time|System time|Maximum resident' "$prefix.log"
python3 - "$prefix-gc.log" <<'PY'
import re, sys
before = after = 0
for line in open(sys.argv[1]):
    m = re.search(r'(\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        before, after = max(before, int(m.group(1))), max(after, int(m.group(2)))
print(f'heap: largest before a collection {before} MB, largest after one (live data) {after} MB')
PY
