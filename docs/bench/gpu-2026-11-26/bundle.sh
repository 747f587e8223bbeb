#!/usr/bin/env bash
# Builds .gpu/ (ignored by git): what the device machine needs to run the workbench without
# Maven or a JDK there: a jlinked Java 17 runtime, the classes, the jars minus JavaFX/charts and
# minus pytorch-native-cpu (the machine's own libtorch is used), the JNI's undefined symbols,
# and the scripts of this folder. 47 MiB; the device tool carries at most 64 MiB.
set -euo pipefail
cd "$(dirname "$0")/../../.."
mvn -B -q -o compile
grep -q '^/.gpu/' .git/info/exclude 2>/dev/null || echo '/.gpu/' >> .git/info/exclude
rm -rf .gpu && mkdir -p .gpu/lib
for j in $(tr ':' '\n' < target/classpath.txt | grep -v 'javafx\|controlsfx\|jfree\|pytorch-native-cpu'); do cp "$j" .gpu/lib/; done
cp -r target/classes .gpu/classes
zip -q -d .gpu/lib/pytorch-jni-*.jar 'jnilib/linux-aarch64/*' 'jnilib/osx-aarch64/*' 'jnilib/win-x86_64/*'
jlink --add-modules java.base,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output .gpu/jre
strip -p --strip-unneeded .gpu/jre/lib/server/libjvm.so
tmp=$(mktemp -d); (cd "$tmp" && unzip -q "$(tr ':' '\n' < "$OLDPWD/target/classpath.txt" | grep pytorch-jni)" 'jnilib/linux-x86_64/cu128/*')
nm -D --undefined-only "$tmp/jnilib/linux-x86_64/cu128/libdjl_torch.so" | awk '{print $2}' | grep -v '@' > .gpu/undef.txt
cp docs/bench/gpu-2026-11-26/run.sh docs/bench/gpu-2026-11-26/symcheck.py .gpu/
du -sh .gpu
