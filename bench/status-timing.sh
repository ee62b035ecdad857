#!/usr/bin/env bash
# status timing, before against after: bench/status-timing.sh BEFORE DIR [ROUNDS]
# BEFORE: an earlier build (bin/gradsweep, conf/, gradsweep.jar, lib/); after: this checkout's
# bin/gradsweep and driver/target. Rounds alternate the two, so that both meet the same load; each
# run under /usr/bin/time, their output diffed. Prints the medians of wall, CPU user and sys.
set -euo pipefail
before="$(cd "$1" && pwd)" dir="$2" rounds="${3:-7}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
times="$(mktemp)" a="$(mktemp)" b="$(mktemp)"
trap 'rm -f "$times" "$a" "$b"' EXIT
# a first run each, untimed: after a build it writes the launcher's class-data archive
GRADSWEEP_JAR="$before/gradsweep.jar" GRADSWEEP_LIB="$before/lib" "$before/bin/gradsweep" status "$dir" >/dev/null
"$here/bin/gradsweep" status "$dir" >/dev/null
for ((i = 1; i <= rounds; i++)); do
  GRADSWEEP_JAR="$before/gradsweep.jar" GRADSWEEP_LIB="$before/lib" \
    /usr/bin/time -f "before %e %U %S" -a -o "$times" "$before/bin/gradsweep" status "$dir" >"$b" 2>&1
  /usr/bin/time -f "after %e %U %S" -a -o "$times" "$here/bin/gradsweep" status "$dir" >"$a" 2>&1
  cmp -s "$a" "$b" || { echo "round $i: the output differs:"; diff "$b" "$a" || true; }
done
python3 - "$times" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, *figures = line.split()
    runs[name].append([float(f) for f in figures])
for name in ("before", "after"):
    wall, user, sys_ = (statistics.median(x) for x in zip(*runs[name]))
    print(f"{name}: {len(runs[name])} runs, medians: wall {wall:.2f} s, CPU user {user:.2f} s, sys {sys_:.2f} s;"
          f" walls {sorted(r[0] for r in runs[name])}")
PY
