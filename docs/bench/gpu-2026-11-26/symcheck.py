"""Which of libdjl_torch.so's (DJL 0.36, built on PyTorch 2.7.1) undefined symbols this machine's libtorch lacks."""
import ctypes, os, sys
lib, names = sys.argv[1], [l.strip() for l in open(sys.argv[2]) if l.strip()]
for n in ("libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"):
    if os.path.exists(os.path.join(lib, n)):
        ctypes.CDLL(os.path.join(lib, n), mode=ctypes.RTLD_GLOBAL)
g = ctypes.CDLL(None)
missing = []
for n in names:
    try:
        getattr(g, n)
    except AttributeError:
        missing.append(n)
print(f"undefined symbols of the JNI: {len(names)}; missing in this libtorch: {len(missing)}")
for n in missing:
    print("MISSING", n)
