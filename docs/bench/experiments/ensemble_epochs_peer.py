# Experiment (docs/bench/experiments/README.md): the peer trains its ensemble on 1,000 random-action Pendulum
# transitions (written to target/ensemble-epochs-data.csv for EnsembleEpochs.java), three seeds; prints epochs and time.
# Run from the repository root: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 docs/bench/experiments/ensemble_epochs_peer.py
import sys, time, math
sys.path.insert(0, 'docs/bench')
import numpy as np, torch
torch.set_num_threads(1)
import peer
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
rng = np.random.default_rng(7)
env = peer.Pendulum(rng)
buf = peer.Buffer(n)
o = env.reset()
rows = []
for i in range(n):
    a = rng.uniform(-2, 2, 1).astype(np.float32)
    o2, r, trunc = env.step(a[0])
    buf.add_batch(torch.as_tensor(o)[None], torch.as_tensor(a / 2)[None], torch.tensor([r], dtype=torch.float32), torch.as_tensor(o2)[None], torch.zeros(1))
    rows.append(list(o) + [float(a[0] / 2), float(r)] + list(o2))
    o = env.reset() if trunc else o2
np.savetxt('target/ensemble-epochs-data.csv', np.array(rows, dtype=np.float64), delimiter=',')
for seed in (1, 2, 3):
    torch.manual_seed(seed)
    ens = peer.Ensemble(out=4)
    t = time.perf_counter()
    norm, elites, epochs = peer.train_model(ens, buf)
    print(f"peer seed {seed}: {epochs} epochs, {time.perf_counter() - t:.1f} s")
