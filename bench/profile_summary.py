"""Summarises an async-profiler collapsed-stack file (bench/profile.sh): the samples whose
stack contains ROOT, by kind of work at the leaf, by DJL native call and by innermost project
method. Usage: python3 profile_summary.py FILE ROOT  (ROOT matches a frame prefix)."""
import collections
import sys

MALLOC = ("malloc", "free", "__GI___libc_malloc", "__libc_malloc", "__libc_free", "_int_malloc", "_int_free", "cfree", "unlink_chunk", "malloc_consolidate",
          "posix_memalign", "_int_memalign", "operator delete", "operator new")
JVM_RUNTIME = ("JNIHandle", "JavaThread", "ThreadInVM", "jni_", "Safepoint", "InterpreterRuntime", "SharedRuntime",
               "G1", "Klass", "Symbol", "ObjectSynchronizer", "OptoRuntime", "os::", "Unsafe_", "JVM_", "Runtime1",
               "AccessInternal", "MemAllocator", "CollectedHeap", "oopDesc", "HandleMark", "itable stub", "vtable stub")


def kind(leaf):
    if "gemm" in leaf.lower() or leaf.startswith("mkl_blas") or leaf.startswith("mkl_serv"):
        return "matrix products (MKL sgemm and its packing)"
    if "at::native" in leaf or "Vectorized" in leaf or "Sleef" in leaf or "mkl_vml" in leaf or leaf.startswith("vs"):
        return "element-wise and reduction kernels"
    if any(leaf.startswith(m) for m in MALLOC):
        return "malloc/free"
    if leaf.startswith("__memcpy") or leaf.startswith("__memmove") or leaf.startswith("__memset"):
        return "memory copies and fills (libc)"
    if leaf.endswith("_[k]"):
        return "operating system (page faults, scheduling)"
    if leaf.startswith("Java_") or leaf.startswith("djl::"):
        return "DJL's JNI layer"
    if "/" in leaf and not leaf.startswith("["):
        return "Java code (compiled or interpreted)"
    if any(s in leaf for s in JVM_RUNTIME):
        return "JVM runtime (JNI transitions, allocation, GC)"
    if "c10::" in leaf or "at::" in leaf or "torch::" in leaf or "std::" in leaf:
        return "PyTorch dispatch, autograd and tensor bookkeeping"
    return "other native code"


def main(path, root):
    kinds, calls, methods = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for line in open(path):
        stack, n = line.rsplit(" ", 1)
        n = int(n)
        frames = stack.split(";")
        at = next((i for i, f in enumerate(frames) if f.startswith(root)), None)
        if at is None:
            continue
        total += n
        kinds[kind(frames[-1])] += n
        jni = [f for f in frames if f.startswith("ai/djl/pytorch/jni/PyTorchLibrary.")]
        calls[jni[-1].rsplit(".", 1)[1] if jni else "(none: Java)"] += n
        ours = [f for f in frames[at:] if f.startswith("dev/mbpo/")]
        methods[ours[-1] if ours else root] += n
    if total == 0:
        sys.exit(f"no samples under {root} in {path}")
    print(f"{total} samples under {root}")
    for title, counter, rows in (("by kind of work (the leaf frame)", kinds, 12),
                                 ("by DJL native call", calls, 14),
                                 ("by innermost project method", methods, 14)):
        print(f"\n{title}")
        for name, n in counter.most_common(rows):
            print(f"{100 * n / total:6.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
