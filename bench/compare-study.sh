#!/usr/bin/env bash
# Study-level speed of gradsweep against PyTorch (CPU, one thread), on the trials of a typical
# activation study (bench/compare-study.yaml: digits, width 64, depths 2-16, nine activations,
# 2 replicates, 30 epochs, evaluation once per epoch). Each round trains the study with
# `bin/gradsweep run --master local[1]` (a fresh output folder) and the same trials with
# bench/pytorch_study_peer.py, the one first in odd rounds and second in even ones, so that both
# see the same machine load; then it prints, per activation and in total, the median over rounds of
# each side's summed per-trial seconds (gradsweep: the trials table's wall_seconds) and their ratio
# PyTorch / gradsweep (> 1: gradsweep faster), and each side's whole-process wall time (gradsweep's
# with JVM and Spark start, PyTorch's with Python and torch start). The first `run` after a build
# also writes the launcher's class-data archive (about 10 s at its end, see README); the median
# over rounds leaves that one round out of the whole-process figure.
#   bench/compare-study.sh [ROUNDS]        (default 3; about 2-5 minutes a round on 2 cores)
# Installs Debian's python3-torch if missing and builds the jar if missing. The trials table is read
# with DuckDB's JDBC driver, which the build fetches into the Maven repository (it is the tests'
# Parquet reader), so no Python Parquet reader is needed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a positive integer, got '$rounds'" >&2; exit 2; }

if ! /usr/bin/python3 -c "import torch" 2>/dev/null || [[ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]]; then
  echo "installing python3-torch (Debian) ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread >/dev/null
fi
[[ -f "$here/driver/target/gradsweep.jar" ]] || (cd "$here" && mvn -q -DskipTests package)
duckdb="$(ls "${MAVEN_REPOSITORY:-$HOME/.m2/repository}"/org/duckdb/duckdb_jdbc/*/duckdb_jdbc-*.jar 2>/dev/null | tail -1)"
[[ -n "$duckdb" ]] || { echo "no duckdb_jdbc jar in the Maven repository (set MAVEN_REPOSITORY, or run mvn -DskipTests package)" >&2; exit 1; }

# PyTorch at its best on one core: OpenBLAS (not the reference BLAS) and no spinning BLAS/OpenMP threads.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$(mktemp --suffix=.compare-study.log)" # kept: the per-trial lines, for a second look
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

run_gradsweep() { # round
  local out="$work/r$1" t0 t1
  t0="$(now)"
  if ! "$here/bin/gradsweep" run "$here/bench/compare-study.yaml" --out "$out" --master 'local[1]' \
      > "$work/run.txt" 2>&1; then
    cat "$work/run.txt" >&2
    echo "gradsweep run failed" >&2
    exit 1
  fi
  t1="$(now)"
  grep "^spark start" "$work/run.txt" >&2 || true
  echo "impl=gradsweep_process round=$1 seconds=$(elapsed "$t0" "$t1")" >> "$log"
  java -cp "$duckdb" "$here/.ci/DuckDbQuery.java" "
      SELECT activation, depth, replicate, status, wall_seconds
      FROM read_parquet('$out/trials/**/*.parquet', hive_partitioning = true)" \
    | awk -F ' [|] ' -v r="$1" '{print "impl=gradsweep round=" r " activation=" $1 " depth=" $2 " replicate=" $3 " status=" $4 " seconds=" $5}' \
    >> "$log"
  rm -rf "$out"
}

run_pytorch() { # round
  local t0 t1
  t0="$(now)"
  /usr/bin/python3 "$here/bench/pytorch_study_peer.py" | sed "s/^impl=pytorch /impl=pytorch round=$1 /" >> "$log"
  t1="$(now)"
  echo "impl=pytorch_process round=$1 seconds=$(elapsed "$t0" "$t1")" >> "$log"
}

for ((r = 1; r <= rounds; r++)); do
  echo "round $r/$rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  if ((r % 2 == 1)); then run_gradsweep "$r"; run_pytorch "$r"; else run_pytorch "$r"; run_gradsweep "$r"; fi
done

echo
/usr/bin/python3 - "$log" "$rounds" <<'PY'
import re, statistics, sys
from collections import defaultdict

rounds = int(sys.argv[2])
sums = defaultdict(float)          # (impl, round, activation or "total") -> seconds
process = defaultdict(dict)        # impl -> round -> seconds
trials = defaultdict(int)          # (impl, round) -> trials
order, bad = [], []
for line in open(sys.argv[1]):
    kv = dict(re.findall(r"(\w+)=(\S+)", line))
    impl = kv.get("impl")
    if impl in ("gradsweep_process", "pytorch_process"):
        process[impl.split("_")[0]][kv["round"]] = float(kv["seconds"])
    elif impl in ("gradsweep", "pytorch"):
        if kv.get("status", "ok") != "ok":
            bad.append(line.strip())
        # gradsweep writes an activation with its parameters (elu(alpha=1.0)); the peer uses the same defaults
        activation = re.sub(r"\(.*", "", kv["activation"])
        if impl == "pytorch" and activation not in order:
            order.append(activation)
        for key in (activation, "depth " + kv["depth"], "total"):
            sums[(impl, kv["round"], key)] += float(kv["seconds"])
        trials[(impl, kv["round"])] += 1
counts = set(trials.values())
if len(counts) != 1 or len(trials) != 2 * rounds:
    sys.exit(f"each side should train the same trials every round; trials per (side, round): {dict(trials)}")
if bad:
    print(f"warning: {len(bad)} gradsweep trials did not end ok, e.g. {bad[0]}")

def median(impl, key):
    return statistics.median(sums[(impl, str(r), key)] for r in range(1, rounds + 1))

depths = sorted({k[2] for k in sums if k[2].startswith("depth ")}, key=lambda d: int(d.split()[1]))
print(f"{counts.pop()} trials a side; seconds are per-trial times summed, medians over {rounds} round(s)")
print(f"{'':>12} {'gradsweep s':>12} {'PyTorch s':>10} {'ratio':>6}   (ratio = PyTorch / gradsweep, > 1: gradsweep faster)")
for key in order + depths + ["total"]:
    g, p = median("gradsweep", key), median("pytorch", key)
    print(f"{key:>12} {g:>12.1f} {p:>10.1f} {p / g:>6.2f}")
g = statistics.median(process["gradsweep"].values())
p = statistics.median(process["pytorch"].values())
print(f"{'whole run':>12} {g:>12.1f} {p:>10.1f} {p / g:>6.2f}   (gradsweep run with JVM and Spark start; python with torch import)")
PY
echo "per-trial lines: $log"
