# Experiment (docs/bench/experiments/README.md): warm-started model trainings as in the loop, on data
# that grows by 200 transitions between trainings (400, 600, ..., 1,600 of one set of random-action
# Pendulum transitions, written to target/ensemble-warm-data.csv for EnsembleWarm.java), three seeds;
# prints the epochs of each training. Run from the repository root:
#   OPENBLAS_NUM_THREADS=1 /usr/bin/python3 docs/bench/experiments/ensemble_warm_peer.py
import sys
sys.path.insert(0, 'docs/bench')
import torch
torch.set_num_threads(1)
import peer
sys.path.insert(0, 'docs/bench/experiments')
from random_transitions import random_transitions
N = 1600
buf = random_transitions(N, 'target/ensemble-warm-data.csv')
for seed in (1, 2, 3):
    torch.manual_seed(seed)
    ens = peer.Ensemble(out=4)
    epochs = []
    for n in range(400, N + 1, 200):
        buf.n = n  # the first n transitions
        epochs.append(peer.train_model(ens, buf)[2])
    buf.n = N
    print(f"peer seed {seed}: epochs per training {epochs}, mean {sum(epochs) / len(epochs):.1f}")
