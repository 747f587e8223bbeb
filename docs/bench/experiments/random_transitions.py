# Shared by the ensemble experiments (docs/bench/experiments/README.md): n random-action Pendulum
# transitions from the peer's environment (generator seed 7), as the peer's buffer and as a CSV of
# rows (obs, action / 2, reward, next obs) that the Java side of each experiment reads.
import sys
sys.path.insert(0, 'docs/bench')
import numpy as np, torch
import peer


def random_transitions(n, csv_path):
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
    np.savetxt(csv_path, np.array(rows, dtype=np.float64), delimiter=',')
    return buf
