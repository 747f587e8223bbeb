#!/usr/bin/env bash
# GPU benchmark: builds the workbench's JNI (jni/djl_torch_subset.cc) against the
# machine's own PyTorch, then times the workbench and the PyTorch peer (bench/peer.py) on the
# GPU, kernels and the whole loop with the peer's settings, and both on one CPU thread of the
# same machine. Needs .gpu/ from bundle.sh. Fails fast when the build or the engine's start fails.
#   OUT=dir (results), DEV=gpu|cpu and PEERDEV=cuda|cpu, LOOP_FROM/LOOP_STEPS, CPU=0 skips the
#   CPU round, CHECK=1 runs a user's path (train, resume, eval) on CHECK_DEVICE, PRESET_LOOP=1 times only the default preset's loop (GPU, CPU), TORCH_LIB/TORCH_INCLUDE to use another libtorch (then the peer is skipped).
set -u
cd "$(dirname "$0")/../.."
DEV="${DEV:-gpu}"; PEERDEV="${PEERDEV:-cuda}"; OUT="${OUT:-/tmp/gpuout}"; mkdir -p "$OUT"
LOOP_FROM="${LOOP_FROM:-400}"; LOOP_STEPS="${LOOP_STEPS:-200}"
log() { echo "=== $(date +%T) $*"; }
log machine; nproc; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -1
PEER=1
if [ -z "${TORCH_LIB:-}" ]; then
  TORCH_LIB="$(python3 -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')"
  log "torch $(python3 -c 'import torch;print(torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available())') at $TORCH_LIB"
  TORCH_VERSION="$(python3 -c 'import torch;print(torch.__version__.split("+")[0])')"
else
  PEER=0; TORCH_VERSION="${TORCH_VERSION:-0.0.0}"
fi
SP="$(dirname "$(dirname "$TORCH_LIB")")"
export LD_LIBRARY_PATH="$TORCH_LIB:$(ls -d "$SP"/nvidia/*/lib "$SP"/nvidia/*/*/lib 2>/dev/null | tr '\n' ':')${LD_LIBRARY_PATH:-}"
# DJL counts GPUs through libcudart (JNA); the pip wheels name it libcudart.so.N only.
mkdir -p /tmp/cudalink
CUDART="$(ls "$SP"/nvidia/*/lib/libcudart.so* "$SP"/nvidia/*/*/lib/libcudart.so* 2>/dev/null | head -1)"
[ -n "$CUDART" ] && ln -sf "$CUDART" /tmp/cudalink/libcudart.so

# The JNI goes into a folder of links to the machine's libtorch, where DJL looks for it first.
LIBDIR=/tmp/djl-torch; rm -rf "$LIBDIR"; mkdir -p "$LIBDIR"
for f in "$TORCH_LIB"/*.so*; do ln -s "$f" "$LIBDIR/"; done
log "build jni"
JAVA_INCLUDE=.gpu/java-include JNI_HEADERS=.gpu/jni-headers TORCH_LIB="$TORCH_LIB" \
  timeout 240 bash native/gpu-jni/build-jni.sh "$LIBDIR/0.36.0-libdjl_torch.so" > "$OUT/build-jni.txt" 2>&1
rc=$?; tail -5 "$OUT/build-jni.txt"; [ $rc = 0 ] || { grep -m 20 error "$OUT/build-jni.txt"; exit 2; }
# DJL loads libtorch_cuda and libc10_cuda only for a flavor that names CUDA ("cu...").
FLAVOR=cpu; [ -n "$CUDART" ] && FLAVOR=cu$(python3 -c 'import torch;print((torch.version.cuda or "").replace(".",""))' 2>/dev/null)
export PYTORCH_LIBRARY_PATH="$LIBDIR" PYTORCH_VERSION="$TORCH_VERSION" PYTORCH_FLAVOR="$FLAVOR" DJL_CACHE_DIR=/tmp/djlcache
J=(.gpu/jre/bin/java --add-modules jdk.incubator.vector -Djna.library.path=/tmp/cudalink -Dai.djl.offline=true -cp ".gpu/classes:.gpu/lib/*" dev.mbpo.cli.Main)
log "java engine"; timeout 60 "${J[@]}" engine --device "$DEV" 2>&1 | tail -6
[ "${PIPESTATUS[0]}" = 0 ] || exit 3
if [ "${CHECK:-0}" = 1 ]; then
  # A user's path on a GPU machine: auto with the default preset (stays on the CPU), then a run
  # on CHECK_DEVICE with checkpoints, resumed, shown and evaluated from its checkpoint.
  R=/tmp/check-runs; rm -rf "$R"; CD="${CHECK_DEVICE:-gpu}"
  log "train, default preset, run.device auto"
  timeout 90 "${J[@]}" train --preset presets/pendulum-mbpo.json --steps 400 --out "$R/auto" --quiet 2>&1 | tail -3
  grep -h '"device"' "$R"/auto/*/run.json
  log "train on $CD, 256x256 SAC, a checkpoint every epoch"
  timeout 120 "${J[@]}" train --preset presets/pendulum-mbpo.json --steps 500 --set run.device="$CD" --set 'sac.hidden=[256,256]' \
    --set run.checkpointEvery=1 --out "$R/dev" --quiet 2>&1 | tail -3
  id="$(ls "$R/dev" | head -1)"; ls "$R/dev/$id/checkpoints"
  log "resume on $CD to 650 steps"; timeout 120 "${J[@]}" train --resume "$id" --steps 650 --out "$R/dev" --quiet 2>&1 | tail -3
  log "show and eval"; "${J[@]}" runs show "$id" --runs "$R/dev" 2>&1 | head -12
  timeout 60 "${J[@]}" eval "$id" --runs "$R/dev" --episodes 3 2>&1 | tail -4
  cp "$R/dev/$id/run.json" "$OUT/check-run.json" 2>/dev/null
  log done; exit 0
fi
if [ "${PRESET_LOOP:-0}" = 1 ]; then
  # The default preset's whole loop (64x64 SAC networks) on the GPU and on one CPU thread.
  for d in gpu cpu; do
    log "java preset loop $d"; timeout 150 "${J[@]}" bench --device $d --only loop_preset --loop-from "$LOOP_FROM" --loop-steps "$LOOP_STEPS" --json "$OUT/preset-$d.json" 2>&1 | tail -4
  done
  log done; exit 0
fi
K=(--only sac_update_256 --only sac_update_64 --only ensemble_train_step --only rollout)
log "java kernels $DEV"; timeout 120 "${J[@]}" bench --device "$DEV" "${K[@]}" --repeat 100 --json "$OUT/java-$DEV.json" 2>&1 | grep -v "^\s*$" | tail -12
[ $PEER = 1 ] && { log "peer kernels $PEERDEV"; timeout 60 python3 bench/peer.py --device "$PEERDEV" --repeat 100 --json "$OUT/peer-$PEERDEV.json" 2>&1 | tail -9; }
L=(--loop-from "$LOOP_FROM" --loop-steps "$LOOP_STEPS")
log "java loop $DEV"; timeout 160 "${J[@]}" bench --device "$DEV" --only loop_peer "${L[@]}" --json "$OUT/jloop-$DEV.json" 2>&1 | tail -5
[ $PEER = 1 ] && { log "peer loop $PEERDEV"; timeout 160 python3 bench/peer.py --device "$PEERDEV" --loop "${L[@]}" --json "$OUT/ploop-$PEERDEV.json" 2>&1 | tail -5; }
if [ "${CPU:-1}" = 1 ]; then
  log "java kernels cpu, 1 thread"; timeout 90 "${J[@]}" bench --device cpu "${K[@]}" --repeat 60 --json "$OUT/java-cpu.json" 2>&1 | grep -v "^\s*$" | tail -6
  [ $PEER = 1 ] && { log "peer kernels cpu, 1 thread"; OMP_NUM_THREADS=1 timeout 60 python3 bench/peer.py --device cpu --repeat 60 --json "$OUT/peer-cpu.json" 2>&1 | tail -8; }
fi
log done
