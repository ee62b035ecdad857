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

echo "wide networks against the single-core sgemm ceiling ..." >&2
/usr/bin/python3 "$here/bench/sgemm_peer.py" 2048x2048x2048 | tee -a "$log" >&2
for width in 256 512; do
  "$here/bin/gradsweep" bench --depth 2,8 --width "$width" --repeats 5 --seconds 1 | grep median | tee -a "$log" >&2
done

echo
/usr/bin/python3 - "$log" <<'PY'
import re, statistics, sys
rates, wide, sgemm = {}, [], None
for line in open(sys.argv[1]):
    kv = dict(re.findall(r"(\w+)=(\S+)", line))
    if kv.get("impl") == "openblas":
        sgemm = float(kv["median_gflops"])
    elif "median_steps_per_s" in kv and int(kv["width"]) > 128:
        wide.append(kv)
    elif "median_steps_per_s" in kv:
        rates.setdefault((int(kv["depth"]), kv["impl"]), []).append(float(kv["median_steps_per_s"]))
print(f"{'depth':>5} {'gradsweep steps/s':>18} {'pytorch steps/s':>16} {'ratio':>6}   (medians over rounds)")
for depth in sorted({d for d, _ in rates}):
    g = statistics.median(rates[(depth, "gradsweep")])
    p = statistics.median(rates[(depth, "pytorch")])
    print(f"{depth:>5} {g:>18.0f} {p:>16.0f} {g / p:>6.2f}")
print()
print(f"single-core OpenBLAS sgemm 2048^3: {sgemm:.1f} GFLOP/s")
print(f"{'width':>5} {'depth':>5} {'step GFLOP/s median':>20} {'best':>6} {'median / sgemm':>15}")
for kv in wide:
    g = float(kv["gflops"])
    print(f"{kv['width']:>5} {kv['depth']:>5} {g:>20.1f} {float(kv['best_gflops']):>6.1f} {g / sgemm:>15.0%}")
PY
rm -f "$log"
