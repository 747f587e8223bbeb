#!/usr/bin/env bash
# Device check for issue 7: DJL 0.36's cu128 JNI on the machine's own PyTorch (no DJL CUDA
# natives can be carried: 2.3 GB), the workbench's kernels and whole loop on the GPU, the
# PyTorch peer beside them, and both on one CPU thread of the same machine.
# DEV=gpu|cpu PEERDEV=cuda|cpu PY=python OUT=dir; LOCAL=1 for a dry run without CUDA.
set -u
cd "$(dirname "$0")/.."
DEV="${DEV:-gpu}"; PEERDEV="${PEERDEV:-cuda}"; PY="${PY:-python3}"; OUT="${OUT:-/tmp/gpuout}"; mkdir -p "$OUT"
log() { echo "=== $(date +%T) $*"; }
log machine; nproc; nvidia-smi -L 2>&1 | head -2; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | head -1
TL="${TL:-$($PY -c 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')}"
SP="$(dirname "$(dirname "$TL")")"
log "torch $($PY -c 'import torch;print(torch.__version__, torch.version.cuda, torch.cuda.is_available())') at $TL"
NVLIBS="$(ls -d "$SP"/nvidia/*/lib 2>/dev/null | tr '\n' ':')"
export LD_LIBRARY_PATH="$TL:${NVLIBS}${LD_LIBRARY_PATH:-}"
mkdir -p /tmp/cudalink
CUDART="$(ls "$SP"/nvidia/*/lib/libcudart.so* /usr/local/cuda/lib64/libcudart.so.* 2>/dev/null | head -1)"
[ -n "$CUDART" ] && ln -sf "$CUDART" /tmp/cudalink/libcudart.so
log "cudart for DJL's GPU count: ${CUDART:-none}"
log symcheck; timeout 60 $PY .gpu/symcheck.py "$TL" .gpu/undef.txt > "$OUT/symcheck.txt" 2>&1; head -3 "$OUT/symcheck.txt"
export PYTORCH_LIBRARY_PATH="$TL" PYTORCH_VERSION=2.7.1 PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu128}" DJL_CACHE_DIR=/tmp/djlcache
J=(.gpu/jre/bin/java -Djna.library.path=/tmp/cudalink -cp ".gpu/classes:.gpu/lib/*" dev.mbpo.cli.Main)
log "java engine"; timeout 90 "${J[@]}" engine --device "$DEV" 2>&1 | tail -6
K=(--only sac_update_256 --only sac_update_64 --only ensemble_train_step --only rollout)
log "java kernels $DEV"; timeout 120 "${J[@]}" bench --device "$DEV" "${K[@]}" --repeat 100 --json "$OUT/java-$DEV.json" 2>&1 | grep -v "^\s*$" | tail -8
log "peer kernels $PEERDEV"; timeout 90 $PY docs/bench/peer.py --device "$PEERDEV" --repeat 100 --json "$OUT/peer-$PEERDEV.json" 2>&1 | tail -9
log "java loop $DEV"; timeout 130 "${J[@]}" bench --device "$DEV" --only loop_peer --loop-from 400 --loop-steps 400 --json "$OUT/jloop-$DEV.json" 2>&1 | tail -4
log "peer loop $PEERDEV"; timeout 130 $PY docs/bench/peer.py --device "$PEERDEV" --loop --loop-from 400 --loop-steps 400 --json "$OUT/ploop-$PEERDEV.json" 2>&1 | tail -4
if [ "${CPU:-1}" = 1 ]; then
  log "java kernels cpu, 1 thread"; timeout 100 "${J[@]}" bench --device cpu "${K[@]}" --repeat 100 --json "$OUT/java-cpu.json" 2>&1 | grep -v "^\s*$" | tail -6
  log "peer kernels cpu, 1 thread"; OMP_NUM_THREADS=1 timeout 80 $PY docs/bench/peer.py --device cpu --repeat 100 --json "$OUT/peer-cpu.json" 2>&1 | tail -7
fi
log done
