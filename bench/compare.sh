#!/usr/bin/env bash
# Runs the workbench's kernels and the PyTorch peer alternately, ROUNDS times, on this
# machine with 1 thread each, and prints the medians and the ratios (docs/BENCHMARKS.md).
# ROUNDS=0 skips the kernels; LOOP=1 adds the whole MBPO loop (see the end of this file).
# Needs Debian's PyTorch: apt-get install python3-torch libopenblas0-pthread
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-3}"
# One BLAS thread on both sides: an OpenBLAS-backed libtorch under the workbench (a
# PYTORCH_LIBRARY_PATH override) ignores torch's thread setting and would use every core.
export OPENBLAS_NUM_THREADS=1
# ./mbpo gives native memory to tcmalloc where it is installed (MBPO_MALLOC=system: glibc's);
# PEER_MALLOC=tcmalloc does the same for the peer (plain python3 uses glibc's malloc).
peer_env=()
if [ "${PEER_MALLOC:-system}" = tcmalloc ]; then
  peer_env=(env LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4)
fi
out="$(mktemp -d)"
if [ "$ROUNDS" -gt 0 ]; then
for i in $(seq "$ROUNDS"); do
  ./mbpo bench --only sac_update_256 --only ensemble_train_step --only rollout --repeat 100 --json "$out/java$i.json" > /dev/null
  ${peer_env[@]+"${peer_env[@]}"} /usr/bin/python3 bench/peer.py --repeat 100 --json "$out/peer$i.json" > /dev/null
done
/usr/bin/python3 - "$out" "$ROUNDS" <<'PY'
import json, statistics, sys
d, rounds = sys.argv[1], int(sys.argv[2])
java = {"sac": [], "ens": [], "img": [], "img_all": []}
peer = {"sac": [], "ens": [], "img": []}
for i in range(1, rounds + 1):
    for r in json.load(open(f"{d}/java{i}.json")):
        s = sorted(r["samples"]); med = statistics.median(s)
        if r["name"].startswith("sac-update"): java["sac"].append(med)
        elif r["name"].startswith("ensemble-train"): java["ens"].append(med)
        elif r["name"].startswith("imagined"):
            java["img"].append(med)
            java["img_all"].append(r["extra"]["every_row_disagreement_per_s_median"])
    p = json.load(open(f"{d}/peer{i}.json"))
    peer["sac"].append(p["sac_update_256_ms"]); peer["ens"].append(p["ensemble_train_step_ms"]); peer["img"].append(p["imagined_per_s"])
print(f"rounds: {rounds}; medians over rounds")
print(f"| kernel | workbench (DJL) | PyTorch peer | workbench / peer |")
print(f"|---|---|---|---|")
for k, label, unit in (("sac", "SAC update 256x256 b256", "ms"), ("ens", "ensemble train step 7x4x200 b256", "ms"), ("img", "imagined transitions/s 10k x 7", "/s")):
    j, p = statistics.median(java[k]), statistics.median(peer[k])
    print(f"| {label} | {j:.2f} {unit} | {p:.2f} {unit} | {j / p:.2f} |")
# The same work as the peer: every member for every row (what a rollout with branch cuts does).
j, p = statistics.median(java["img_all"]), statistics.median(peer["img"])
print(f"| imagined transitions/s, all 7 members for every row | {j:.2f} /s | {p:.2f} /s | {j / p:.2f} |")
print("SAC update per round (workbench / peer, ms): " + ", ".join(f"{a:.2f} / {b:.2f}" for a, b in zip(java["sac"], peer["sac"])))
PY
fi

# The whole MBPO loop with the peer's settings (LOOP=1): both timed over the same window of
# real steps (LOOP_FROM, LOOP_STEPS), alternately, LOOP_ROUNDS times. LOOP_SEEDS="1 2 3" runs one
# round per seed instead (each side seeded with it): a fixed seed fixes how many epochs each
# model training takes, which moves a window's time by a fifth, so one seed can flatter either side.
if [ "${LOOP:-0}" = "1" ]; then
  LOOP_FROM="${LOOP_FROM:-600}"; LOOP_STEPS="${LOOP_STEPS:-600}"; LOOP_ROUNDS="${LOOP_ROUNDS:-1}"
  read -r -a seeds <<< "${LOOP_SEEDS:-}"
  [ ${#seeds[@]} -gt 0 ] && LOOP_ROUNDS=${#seeds[@]}
  for i in $(seq "$LOOP_ROUNDS"); do
    jseed=(); pseed=()
    if [ ${#seeds[@]} -gt 0 ]; then
      jseed=(--set "run.seed=${seeds[$((i - 1))]}"); pseed=(--seed "${seeds[$((i - 1))]}")
      echo "round $i: seed ${seeds[$((i - 1))]}" >&2
    fi
    ./mbpo bench --only loop_peer --loop-from "$LOOP_FROM" --loop-steps "$LOOP_STEPS" ${jseed[@]+"${jseed[@]}"} --json "$out/jloop$i.json" > /dev/null
    ${peer_env[@]+"${peer_env[@]}"} /usr/bin/python3 bench/peer.py --loop --loop-from "$LOOP_FROM" --loop-steps "$LOOP_STEPS" ${pseed[@]+"${pseed[@]}"} --json "$out/ploop$i.json" > /dev/null 2>&1
  done
  /usr/bin/python3 - "$out" "$LOOP_ROUNDS" "$LOOP_FROM" "$LOOP_STEPS" <<'PY'
import json, statistics, sys
d, rounds, start, steps = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
j = [json.load(open(f"{d}/jloop{i}.json"))[0]["extra"] for i in range(1, rounds + 1)]
p = [json.load(open(f"{d}/ploop{i}.json")) for i in range(1, rounds + 1)]
print(f"whole MBPO loop, peer settings, real steps {start} to {int(start) + int(steps)}, {rounds} round(s)")
print("| phase (s per 1,000 real steps) | workbench (DJL) | PyTorch peer |")
print("|---|---|---|")
for k in ("seconds_per_1000_steps", "policy_update_s_per_1000_steps", "model_train_s_per_1000_steps", "rollout_s_per_1000_steps"):
    print(f"| {k.replace('_s_per_1000_steps', '').replace('seconds_per_1000_steps', 'whole loop')} | "
          f"{statistics.median(x.get(k, float('nan')) for x in j):.1f} | {statistics.median(x.get(k, float('nan')) for x in p):.1f} |")
for k, label in (("model_trainings", "model trainings in the window"), ("model_epochs_per_training", "epochs per model training")):
    print(f"| {label} | {statistics.median(x.get(k, float('nan')) for x in j):.1f} | {statistics.median(x.get(k, float('nan')) for x in p):.1f} |")
js = statistics.median(x["real_steps_per_s"] for x in j); ps = statistics.median(x["real_steps_per_s"] for x in p)
print(f"real steps per second: workbench {js:.2f}, peer {ps:.2f}, workbench / peer {js / ps:.2f} (faster when > 1)")
if rounds > 1:
    print("per round, real steps/s (workbench / peer): " + ", ".join(f"{a['real_steps_per_s']:.2f} / {b['real_steps_per_s']:.2f}" for a, b in zip(j, p)))
    jt = sum(x["seconds_per_1000_steps"] for x in j); pt = sum(x["seconds_per_1000_steps"] for x in p)
    print(f"all rounds' windows together: workbench {jt:.1f} s, peer {pt:.1f} s, peer / workbench {pt / jt:.2f}")
PY
fi
