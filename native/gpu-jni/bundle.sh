#!/usr/bin/env bash
# Builds .gpu/ (ignored by git): what a device machine needs to run the workbench on its own
# PyTorch, with no Maven, JDK or network there: a jlinked Java 17 runtime, the classes, the jars
# minus JavaFX, charts and DJL's natives, the JNI header made from DJL's sources, and jni.h.
# run.sh compiles jni/djl_torch_subset.cc there against that machine's libtorch. About 45 MiB;
# the device tool carries at most 64 MiB.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -o compile
grep -q '^/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
rm -rf .gpu && mkdir -p .gpu/lib .gpu/jni-headers .gpu/java-include
for j in $(tr ':' '\n' < target/classpath.txt | grep -v 'javafx\|controlsfx\|jfree\|pytorch-native-cpu'); do cp "$j" .gpu/lib/; done
# DJL's own JNI libraries are not used there (run.sh builds one); the jar's properties stay.
zip -q -d .gpu/lib/pytorch-jni-*.jar 'jnilib/linux-*' 'jnilib/osx-*' 'jnilib/win-*' >/dev/null || true
cp -r target/classes .gpu/classes
java_home="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
cp "$java_home/include/jni.h" .gpu/java-include/ && mkdir -p .gpu/java-include/linux && cp "$java_home/include/linux/jni_md.h" .gpu/java-include/linux/
src="$HOME/.m2/repository/ai/djl/pytorch/pytorch-engine/0.36.0/pytorch-engine-0.36.0-sources.jar"
[ -f "$src" ] || mvn -B -q dependency:get -Dartifact=ai.djl.pytorch:pytorch-engine:0.36.0:jar:sources -Dtransitive=false
tmp="$(mktemp -d)"; (cd "$tmp" && unzip -q "$src" 'ai/djl/pytorch/jni/PyTorchLibrary.java')
javac -h .gpu/jni-headers -d "$tmp/classes" -cp "$(cat target/classpath.txt)" "$tmp/ai/djl/pytorch/jni/PyTorchLibrary.java"
jlink --add-modules java.base,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec,jdk.incubator.vector \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output .gpu/jre
strip -p --strip-unneeded .gpu/jre/lib/server/libjvm.so
du -sh .gpu
