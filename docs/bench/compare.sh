#!/usr/bin/env bash
# Runs the workbench's kernels and the PyTorch peer alternately, ROUNDS times, on this
# machine with 1 thread each, and prints the medians and the ratios (docs/BENCHMARKS.md).
# Needs Debian's PyTorch: apt-get install python3-torch libopenblas0-pthread
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS="${ROUNDS:-3}"
out="$(mktemp -d)"
for i in $(seq "$ROUNDS"); do
  ./mbpo bench --only sac_update_256 --only ensemble_train_step --only rollout --repeat 100 --json "$out/java$i.json" > /dev/null
  /usr/bin/python3 docs/bench/peer.py --repeat 100 --json "$out/peer$i.json" > /dev/null
done
/usr/bin/python3 - "$out" "$ROUNDS" <<'PY'
import json, statistics, sys
d, rounds = sys.argv[1], int(sys.argv[2])
java = {"sac": [], "ens": [], "img": []}
peer = {"sac": [], "ens": [], "img": []}
for i in range(1, rounds + 1):
    for r in json.load(open(f"{d}/java{i}.json")):
        s = sorted(r["samples"]); med = statistics.median(s)
        if r["name"].startswith("sac-update"): java["sac"].append(med)
        elif r["name"].startswith("ensemble-train"): java["ens"].append(med)
        elif r["name"].startswith("imagined"): java["img"].append(med)
    p = json.load(open(f"{d}/peer{i}.json"))
    peer["sac"].append(p["sac_update_256_ms"]); peer["ens"].append(p["ensemble_train_step_ms"]); peer["img"].append(p["imagined_per_s"])
print(f"rounds: {rounds}; medians over rounds")
print(f"| kernel | workbench (DJL) | PyTorch peer | workbench / peer |")
print(f"|---|---|---|---|")
for k, label, unit in (("sac", "SAC update 256x256 b256", "ms"), ("ens", "ensemble train step 7x4x200 b256", "ms"), ("img", "imagined transitions/s 10k x 7", "/s")):
    j, p = statistics.median(java[k]), statistics.median(peer[k])
    print(f"| {label} | {j:.2f} {unit} | {p:.2f} {unit} | {j / p:.2f} |")
PY
