# Per-block medians (100 updates each) of the peer's SAC update (docs/bench/peer.py's Sac) from the first update on.
# Run from the repository root: OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 docs/bench/experiments/peer_sac_blocks.py
import sys, time, statistics, torch
sys.path.insert(0, "docs/bench")
import peer
torch.set_num_threads(1)
torch.manual_seed(0)
sac = peer.Sac()
n = 10000
data = (torch.randn(n, 3), torch.rand(n, 1) * 2 - 1, -torch.rand(n) * 10, torch.randn(n, 3), torch.zeros(n))
t = []
for i in range(1500):
    idx = torch.randint(0, n, (256,))
    b = [x[idx] for x in data]
    a = time.perf_counter(); sac.update(*b); t.append((time.perf_counter() - a) * 1e3)
for i in range(0, 1500, 100):
    print(i, round(statistics.median(t[i:i + 100]), 3), "ms")
