#!/usr/bin/env python3
"""Summarise run folders for docs/RESULTS.md: steps and wall time to a threshold, and the
evaluation curves as a markdown table. Usage: summarise_runs.py THRESHOLD RUN_DIR..."""
import json
import sys


def load(run_dir):
    run = json.load(open(f"{run_dir}/run.json"))
    evals, progress = [], []
    for line in open(f"{run_dir}/events.jsonl"):
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if e["type"] == "metrics" and "eval/return" in e["values"]:
            evals.append((e["step"], e["values"]["eval/return"]))
        elif e["type"] == "progress":
            progress.append((e["step"], e["elapsedSeconds"]))
    return run, evals, progress


def elapsed_at(progress, step):
    later = [s for st, s in progress if st >= step]
    return later[0] if later else float("nan")


def main():
    threshold = float(sys.argv[1])
    rows, curves = [], {}
    for d in sys.argv[2:]:
        run, evals, progress = load(d)
        hit = next(((s, r) for s, r in evals if r >= threshold), None)
        label = f"{run['algorithm']} seed {run['seed']}"
        rows.append((label, hit[0] if hit else None, elapsed_at(progress, hit[0]) if hit else None,
                     max(r for _, r in evals), evals[-1][1], evals[-1][0], progress[-1][1] if progress else float("nan")))
        curves[label] = dict(evals)
    print(f"| run | steps to {threshold:g} | wall s to {threshold:g} | best eval | last eval | steps | wall s |")
    print("|---|---|---|---|---|---|---|")
    for label, steps, wall, best, last, total, total_wall in rows:
        s = str(steps) if steps is not None else "not reached"
        w = f"{wall:.1f}" if wall is not None else "-"
        print(f"| {label} | {s} | {w} | {best:.1f} | {last:.1f} | {total} | {total_wall:.1f} |")
    print()
    steps = sorted({s for c in curves.values() for s in c})
    print("| step | " + " | ".join(curves) + " |")
    print("|---|" + "---|" * len(curves))
    for st in steps:
        print(f"| {st} | " + " | ".join(f"{c[st]:.0f}" if st in c else "" for c in curves.values()) + " |")


if __name__ == "__main__":
    main()
