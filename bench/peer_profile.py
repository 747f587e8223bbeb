# The peer's SAC update in a loop, for a profiler: OPENBLAS_NUM_THREADS=1 perf record -F 999 -g -- /usr/bin/python3 bench/peer_profile.py 1500 (from the repository root)
import sys, time
sys.path.insert(0, 'bench')
import torch
torch.set_num_threads(1)
import peer
sac = peer.Sac()
n = 10000
data = (torch.randn(n, 3), torch.rand(n, 1) * 2 - 1, -torch.rand(n) * 10, torch.randn(n, 3), torch.zeros(n))
def step():
    idx = torch.randint(0, n, (256,))
    sac.update(*(t[idx] for t in data))
for _ in range(50): step()
t=time.perf_counter(); N=int(sys.argv[1]) if len(sys.argv)>1 else 1000
for _ in range(N): step()
print("ms per update", (time.perf_counter()-t)/N*1000)
