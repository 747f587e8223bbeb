#!/bin/bash
# Stops the daemons start-slurm.sh started (by their pid files in $1, default /tmp/mbpo-slurm).
DIR=${1:-/tmp/mbpo-slurm}
for f in "$DIR"/slurmd.pid "$DIR"/slurmctld.pid; do
  [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
done
