#!/usr/bin/env bash
# Compiles jni/djl_torch_subset.cc, the part of DJL 0.36's PyTorch JNI that the workbench calls,
# against the libtorch of this machine, and writes OUT (default /tmp/djl-torch/0.36.0-libdjl_torch.so).
#
#   TORCH_LIB      folder holding libtorch.so, libtorch_cpu.so, libc10.so (default: python3's torch)
#   TORCH_INCLUDE  folder holding ATen/ and c10/ (default: python3's torch, else /usr/include)
#   JNI_HEADERS    folder holding ai_djl_pytorch_jni_PyTorchLibrary.h (default: made here with
#                  javac -h from DJL's pytorch-engine 0.36.0 sources jar, fetched by Maven)
#   JAVA_INCLUDE   folder holding jni.h and linux/jni_md.h (default: this JDK's include/)
#   CXX11_ABI      0 or 1 (default: what python3's torch says, else 1)
# DJL finds the library when it lies in PYTORCH_LIBRARY_PATH's folder under that name.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
OUT="${1:-/tmp/djl-torch/0.36.0-libdjl_torch.so}"
py() { python3 -c "$1" 2>/dev/null; }
TORCH_LIB="${TORCH_LIB:-$(py 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"lib"))')}"
TORCH_INCLUDE="${TORCH_INCLUDE:-$(py 'import torch,os;print(os.path.join(os.path.dirname(torch.__file__),"include"))')}"
[ -d "$TORCH_INCLUDE/ATen" ] || TORCH_INCLUDE=/usr/include
CXX11_ABI="${CXX11_ABI:-$(py 'import torch;print(int(torch._C._GLIBCXX_USE_CXX11_ABI))' || echo 1)}"
if [ -z "${JAVA_INCLUDE:-}" ]; then
  JAVA_INCLUDE="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")/include"
fi
if [ -z "${JNI_HEADERS:-}" ]; then
  JNI_HEADERS="$(mktemp -d)"
  src="$HOME/.m2/repository/ai/djl/pytorch/pytorch-engine/0.36.0/pytorch-engine-0.36.0-sources.jar"
  [ -f "$src" ] || mvn -B -q dependency:get -Dartifact=ai.djl.pytorch:pytorch-engine:0.36.0:jar:sources -Dtransitive=false
  (cd "$JNI_HEADERS" && unzip -q "$src" 'ai/djl/pytorch/jni/PyTorchLibrary.java')
  cp="$(cd "$here/../.." && cat target/classpath.txt)"
  javac -h "$JNI_HEADERS" -d "$JNI_HEADERS/classes" -cp "$cp" "$JNI_HEADERS/ai/djl/pytorch/jni/PyTorchLibrary.java"
fi
mkdir -p "$(dirname "$OUT")"
echo "build-jni: libtorch $TORCH_LIB, headers $TORCH_INCLUDE, cxx11 abi $CXX11_ABI"
"${CXX:-g++}" -O2 -std=c++17 -fPIC -shared -Wall -D_GLIBCXX_USE_CXX11_ABI="$CXX11_ABI" \
  -I"$JNI_HEADERS" -I"$JAVA_INCLUDE" -I"$JAVA_INCLUDE/linux" -I"$TORCH_INCLUDE" \
  "$here/jni/djl_torch_subset.cc" -L"$TORCH_LIB" -Wl,-rpath,"$TORCH_LIB" -ltorch -ltorch_cpu -lc10 -o "$OUT"
echo "build-jni: wrote $OUT"
