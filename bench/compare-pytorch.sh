#!/usr/bin/env bash
# Side-by-side speed of gradsweep's training core and PyTorch (CPU, one thread) on the reference
# networks. Installs Debian's python3-torch if missing, builds the jar if missing, then runs the
# two alternately for ROUNDS rounds (so both see the same machine load) and prints the median
# steps/s of each and their ratio per depth.
#   bench/compare-pytorch.sh [ROUNDS] [extra flags for both, e.g. --activation elu]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-3}"; shift || true
extra=("$@")

if ! /usr/bin/python3 -c "import torch" 2>/dev/null || [[ ! -e /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3 ]]; then
  echo "installing python3-torch (Debian) ..." >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch libopenblas0-pthread >/dev/null
fi
[[ -f "$here/driver/target/gradsweep.jar" ]] || (cd "$here" && mvn -q -DskipTests package)

# PyTorch at its best on one core: OpenBLAS (not the reference BLAS) and no spinning BLAS/OpenMP threads.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
log="$(mktemp)"
for ((r = 1; r <= rounds; r++)); do
  echo "round $r/$rounds" >&2
  "$here/bin/gradsweep" bench --repeats 3 "${extra[@]}" | tee -a "$log" | grep median >&2
  /usr/bin/python3 "$here/bench/pytorch_peer.py" --repeats 3 "${extra[@]}" | tee -a "$log" | grep median >&2
done

echo
"$here/bin/gradsweep" bench --help >/dev/null # fail early if the launcher is broken
/usr/bin/python3 - "$log" <<'PY'
import re, statistics, sys
rates = {}
for line in open(sys.argv[1]):
    kv = dict(re.findall(r"(\w+)=(\S+)", line))
    if "median_steps_per_s" in kv:
        rates.setdefault((int(kv["depth"]), kv["impl"]), []).append(float(kv["median_steps_per_s"]))
print(f"{'depth':>5} {'gradsweep steps/s':>18} {'pytorch steps/s':>16} {'ratio':>6}   (medians over rounds)")
for depth in sorted({d for d, _ in rates}):
    g = statistics.median(rates[(depth, "gradsweep")])
    p = statistics.median(rates[(depth, "pytorch")])
    print(f"{depth:>5} {g:>18.0f} {p:>16.0f} {g / p:>6.2f}")
PY
rm -f "$log"
