# Experiment (docs/bench/experiments/README.md): the peer trains its ensemble on 1,000 random-action Pendulum
# transitions (written to target/ensemble-epochs-data.csv for EnsembleEpochs.java), three seeds; prints epochs and time.
# Run from the repository root: OPENBLAS_NUM_THREADS=1 /usr/bin/python3 docs/bench/experiments/ensemble_epochs_peer.py
import sys, time
sys.path.insert(0, 'docs/bench')
import torch
torch.set_num_threads(1)
import peer
sys.path.insert(0, 'docs/bench/experiments')
from random_transitions import random_transitions
n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
buf = random_transitions(n, 'target/ensemble-epochs-data.csv')
for seed in (1, 2, 3):
    torch.manual_seed(seed)
    ens = peer.Ensemble(out=4)
    t = time.perf_counter()
    norm, elites, epochs = peer.train_model(ens, buf)
    print(f"peer seed {seed}: {epochs} epochs, {time.perf_counter() - t:.1f} s")
