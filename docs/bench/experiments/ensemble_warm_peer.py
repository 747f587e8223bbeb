# Experiment (docs/bench/experiments/README.md): warm-started model trainings as in the loop, on data
# that grows by 200 transitions between trainings (400, 600, ..., 1,600 of one set of random-action
# Pendulum transitions, written to target/ensemble-warm-data.csv for EnsembleWarm.java), three seeds;
# prints the epochs of each training. Run from the repository root:
#   OPENBLAS_NUM_THREADS=1 /usr/bin/python3 docs/bench/experiments/ensemble_warm_peer.py
import sys
sys.path.insert(0, 'docs/bench')
import numpy as np, torch
torch.set_num_threads(1)
import peer
N = 1600
rng = np.random.default_rng(7)
env = peer.Pendulum(rng)
buf = peer.Buffer(N)
o = env.reset()
rows = []
for i in range(N):
    a = rng.uniform(-2, 2, 1).astype(np.float32)
    o2, r, trunc = env.step(a[0])
    buf.add_batch(torch.as_tensor(o)[None], torch.as_tensor(a / 2)[None], torch.tensor([r], dtype=torch.float32), torch.as_tensor(o2)[None], torch.zeros(1))
    rows.append(list(o) + [float(a[0] / 2), float(r)] + list(o2))
    o = env.reset() if trunc else o2
np.savetxt('target/ensemble-warm-data.csv', np.array(rows, dtype=np.float64), delimiter=',')
for seed in (1, 2, 3):
    torch.manual_seed(seed)
    ens = peer.Ensemble(out=4)
    epochs = []
    for n in range(400, N + 1, 200):
        buf.n = n  # the first n transitions
        epochs.append(peer.train_model(ens, buf)[2])
    buf.n = N
    print(f"peer seed {seed}: epochs per training {epochs}, mean {sum(epochs) / len(epochs):.1f}")
