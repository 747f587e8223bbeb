#!/usr/bin/env bash
# Compiles the MuJoCo shim (mujoco_shim.c) into OUT_DIR/libmbpo_mujoco.so with gcc, against
# Debian's libmujoco-dev headers. Called by Maven at compile time with JAVA_HOME and OUT_DIR.
# Where gcc or the headers are missing it says so and succeeds: the build goes on without
# MuJoCo, and the MuJoCo tasks report themselves unavailable.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT_DIR:?OUT_DIR}"
include="${MUJOCO_INCLUDE:-/usr/include}"
java_home="${JAVA_HOME:?JAVA_HOME}"
lib="$out/libmbpo_mujoco.so"
mkdir -p "$out"
if ! command -v gcc >/dev/null 2>&1; then
  echo "mujoco shim: gcc not found; building without MuJoCo (apt-get install gcc libmujoco-dev)"
  rm -f "$lib"; exit 0
fi
if [ ! -f "$include/mujoco/mujoco.h" ]; then
  echo "mujoco shim: $include/mujoco/mujoco.h not found; building without MuJoCo (apt-get install libmujoco-dev)"
  rm -f "$lib"; exit 0
fi
if [ -f "$lib" ] && [ "$lib" -nt "$here/mujoco_shim.c" ] && [ "$lib" -nt "$include/mujoco/mujoco.h" ]; then
  exit 0
fi
gcc -O2 -shared -fPIC -Wall -o "$lib" "$here/mujoco_shim.c" \
    -I"$include" -I"$java_home/include" -I"$java_home/include/linux" -lmujoco
echo "mujoco shim: built $lib"
