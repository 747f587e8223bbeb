#!/usr/bin/env python3
"""The PyTorch peer of `mbpo bench`: the same kernels, sizes and maths, timed the same way
(median after warm-up), 1 thread. Run with Debian's PyTorch: /usr/bin/python3 bench/peer.py
(see docs/BENCHMARKS.md). Prints JSON: sac_update_256_ms, ensemble_train_step_ms, imagined_per_s;
with --loop, the whole MBPO loop's real steps per second and seconds per phase. --device cuda
runs either on the GPU (PyTorch 2.x: everything is made on the default device)."""
import argparse
import json
import math
import statistics
import sys
import time

import numpy as np

import torch
import torch.nn.functional as F

torch.set_num_threads(1)
torch.manual_seed(0)


def mlp(sizes, act=torch.relu):
    layers = [torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:])]
    params = [p for l in layers for p in l.parameters()]

    def forward(x):
        for i, l in enumerate(layers):
            x = l(x)
            if i < len(layers) - 1:
                x = act(x)
        return x
    return forward, params, layers


class Sac:
    """SAC as in rl/Sac.java: squashed Gaussian actor, twin critics, targets, auto alpha."""

    def __init__(self, obs=3, act=1, hidden=256):
        self.actor, ap, _ = mlp([obs, hidden, hidden, 2 * act])
        self.q1, q1p, q1l = mlp([obs + act, hidden, hidden, 1])
        self.q2, q2p, q2l = mlp([obs + act, hidden, hidden, 1])
        self.t1, t1p, t1l = mlp([obs + act, hidden, hidden, 1])
        self.t2, t2p, t2l = mlp([obs + act, hidden, hidden, 1])
        for t, s in ((t1l, q1l), (t2l, q2l)):
            for a, b in zip(t, s):
                a.load_state_dict(b.state_dict())
        self.targets = t1p + t2p
        self.critics = q1p + q2p
        self.actor_params = ap
        self.log_alpha = torch.zeros(1, requires_grad=True)
        self.a_opt = torch.optim.Adam(ap, lr=3e-4)
        self.c_opt = torch.optim.Adam(self.critics, lr=3e-4)
        self.al_opt = torch.optim.Adam([self.log_alpha], lr=3e-4)
        self.act_dim = act

    def sample(self, o):
        mean, log_std = self.actor(o).chunk(2, dim=1)
        log_std = log_std.clamp(-20, 2)
        eps = torch.randn_like(mean)
        u = mean + eps * log_std.exp()
        a = torch.tanh(u)
        logp = (-0.5 * eps.pow(2) - log_std - 0.5 * math.log(2 * math.pi)
                - 2 * (math.log(2) - u - F.softplus(-2 * u))).sum(1)
        return a, logp

    def update(self, o, a, r, o2, d):
        alpha = self.log_alpha.exp().detach()
        with torch.no_grad():
            a2, logp2 = self.sample(o2)
            x2 = torch.cat([o2, a2], 1)
            y = r + 0.99 * (1 - d) * (torch.min(self.t1(x2), self.t2(x2)).squeeze(1) - alpha * logp2)
        x = torch.cat([o, a], 1)
        loss = F.mse_loss(self.q1(x).squeeze(1), y) + F.mse_loss(self.q2(x).squeeze(1), y)
        self.c_opt.zero_grad()
        loss.backward()
        self.c_opt.step()
        for p in self.critics:
            p.requires_grad_(False)
        an, logp = self.sample(o)
        xn = torch.cat([o, an], 1)
        a_loss = (alpha * logp - torch.min(self.q1(xn), self.q2(xn)).squeeze(1)).mean()
        self.a_opt.zero_grad()
        a_loss.backward()
        self.a_opt.step()
        for p in self.critics:
            p.requires_grad_(True)
        al_loss = -(self.log_alpha * (logp.detach() + self.act_dim * -1.0)).mean()
        self.al_opt.zero_grad()
        al_loss.backward()
        self.al_opt.step()
        with torch.no_grad():
            for t, s in zip(self.targets, self.critics):
                t.mul_(0.995).add_(s, alpha=0.005)


class Ensemble:
    """The batched ensemble of model/DynamicsEnsemble.java: weights [members, in, out], swish."""

    def __init__(self, members=7, inp=4, hidden=(200, 200, 200, 200), out=4):
        sizes = [inp, *hidden, 2 * out]
        self.w, self.b = [], []
        for a, b in zip(sizes[:-1], sizes[1:]):
            bound = 1 / math.sqrt(a)
            self.w.append(torch.empty(members, a, b).uniform_(-bound, bound).requires_grad_())
            self.b.append(torch.empty(members, 1, b).uniform_(-bound, bound).requires_grad_())
        self.max_lv = torch.full((1, 1, out), 0.5, requires_grad=True)
        self.min_lv = torch.full((1, 1, out), -10.0, requires_grad=True)
        decays = [2.5e-5, 5e-5, 7.5e-5, 7.5e-5, 1e-4]
        groups = [{"params": [w], "weight_decay": d} for w, d in zip(self.w, decays)]
        groups.append({"params": self.b + [self.max_lv, self.min_lv], "weight_decay": 0.0})
        self.opt = torch.optim.Adam(groups, lr=1e-3)
        self.members = members
        self.out = out

    def forward(self, x):
        for i, (w, b) in enumerate(zip(self.w, self.b)):
            x = torch.matmul(x, w) + b
            if i < len(self.w) - 1:
                x = x * torch.sigmoid(x)
        mean, lv = x.chunk(2, dim=-1)
        lv = self.max_lv - F.softplus(self.max_lv - lv)
        lv = self.min_lv + F.softplus(lv - self.min_lv)
        return mean, lv

    def step(self, x, y):
        mean, lv = self.forward(x)
        loss = (((mean - y) ** 2) * torch.exp(-lv) + lv).mean() * self.members
        loss = loss + 0.01 * (self.max_lv.sum() - self.min_lv.sum())
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()


class Pendulum:
    """Gymnasium's Pendulum-v1 (200-step episodes), in numpy."""

    def __init__(self, rng):
        self.rng = rng
        self.reset()

    def reset(self):
        self.th = self.rng.uniform(-math.pi, math.pi)
        self.thdot = self.rng.uniform(-1, 1)
        self.t = 0
        return self.obs()

    def obs(self):
        return np.array([math.cos(self.th), math.sin(self.th), self.thdot], dtype=np.float32)

    def step(self, u):
        u = float(np.clip(u, -2, 2))
        norm = ((self.th + math.pi) % (2 * math.pi)) - math.pi
        reward = -(norm ** 2 + 0.1 * self.thdot ** 2 + 0.001 * u ** 2)
        thdot = np.clip(self.thdot + (3 * 10 / 2 * math.sin(self.th) + 3.0 * u) * 0.05, -8, 8)
        self.th = self.th + thdot * 0.05
        self.thdot = float(thdot)
        self.t += 1
        return self.obs(), reward, self.t >= 200


class Buffer:
    def __init__(self, cap, obs=3, act=1):
        self.o = torch.zeros(cap, obs)
        self.a = torch.zeros(cap, act)
        self.r = torch.zeros(cap)
        self.o2 = torch.zeros(cap, obs)
        self.d = torch.zeros(cap)
        self.cap, self.n, self.i = cap, 0, 0

    def add_batch(self, o, a, r, o2, d):
        m = o.shape[0]
        idx = (torch.arange(m) + self.i) % self.cap
        self.o[idx], self.a[idx], self.r[idx], self.o2[idx], self.d[idx] = o, a, r, o2, d
        self.i = (self.i + m) % self.cap
        self.n = min(self.n + m, self.cap)

    def sample(self, b):
        idx = torch.randint(0, self.n, (b,))
        return self.o[idx], self.a[idx], self.r[idx], self.o2[idx], self.d[idx]


def train_model(ens, buf, patience=5, improvement=0.01):
    """mbpo_pytorch's rule: holdout min(20%, 5000), bootstrap per member, batch 256, stop when
    no member improved by more than 1% for more than `patience` epochs; elites by holdout MSE."""
    n = buf.n
    x = torch.cat([buf.o[:n], buf.a[:n]], 1)
    y = torch.cat([buf.r[:n, None], buf.o2[:n] - buf.o[:n]], 1)
    perm = torch.randperm(n)
    n_hold = max(1, min(5000, int(n * 0.2)))
    hold, train = perm[:n_hold], perm[n_hold:]
    mu, sd = x[train].mean(0), x[train].std(0) + 1e-6
    ymu, ysd = y[train].mean(0), y[train].std(0) + 1e-6
    xn, yn = (x - mu) / sd, (y - ymu) / ysd
    boot = train[torch.randint(0, train.shape[0], (ens.members, train.shape[0]))]
    best = [math.inf] * ens.members
    since, epochs = 0, 0
    while True:
        boot = torch.stack([row[torch.randperm(row.shape[0])] for row in boot])
        for s in range(0, boot.shape[1], 256):
            idx = boot[:, s:s + 256]
            ens.step(xn[idx], yn[idx])
        with torch.no_grad():
            mean, _ = ens.forward(xn[hold].unsqueeze(0))
            mse = ((mean - yn[hold]) ** 2).mean(dim=(1, 2)).tolist()
        improved = False
        for m in range(ens.members):
            if best[m] == math.inf or (best[m] - mse[m]) / best[m] > improvement:
                best[m], improved = mse[m], True
        since = 0 if improved else since + 1
        epochs += 1
        if since > patience:
            break
    elites = torch.tensor(sorted(range(ens.members), key=lambda m: mse[m])[:5])
    return (mu, sd, ymu, ysd), elites, epochs


def loop(args):
    """The MBPO loop of Xingyu-Lin/mbpo_pytorch with the loop benchmark's settings, timed like `mbpo bench
    --only loop_peer`: 400 random steps, then model training and 50k one-step branches every 200
    steps, 20 SAC updates (256x256, 5% real data) per real step, one evaluation episode every 200."""
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed + 1)  # seed 0 (the default) keeps the generators of earlier figures
    env, eval_env = Pendulum(rng), Pendulum(rng)
    sac = Sac(hidden=256)
    ens = Ensemble(out=4)
    real = Buffer(args.loop_from + args.loop_steps)
    model_buf = Buffer(50000)
    o = env.reset()
    phases = {}
    t_start = None
    trainings = []  # epochs of each model training inside the timed window

    def timed(name, fn):
        t0 = time.perf_counter()
        r = fn()
        sync()
        phases[name] = phases.get(name, 0) + time.perf_counter() - t0
        return r

    def act(obs, deterministic=False):
        with torch.no_grad():
            ot = torch.as_tensor(obs).unsqueeze(0)
            if deterministic:
                return torch.tanh(sac.actor(ot).chunk(2, 1)[0])[0].cpu().numpy() * 2
            return sac.sample(ot)[0][0].cpu().numpy() * 2

    norm, elites = None, None
    total = args.loop_from + args.loop_steps
    for step in range(1, total + 1):
        a = rng.uniform(-2, 2, 1).astype(np.float32) if step <= 400 else act(o)
        o2, r, trunc = timed("env", lambda: env.step(a[0]))
        real.add_batch(torch.as_tensor(o)[None], torch.as_tensor(a / 2)[None], torch.tensor([r], dtype=torch.float32),
                       torch.as_tensor(o2)[None], torch.zeros(1))
        o = env.reset() if trunc else o2
        if step >= 400 and (step - 400) % 200 == 0:
            t0 = time.perf_counter()
            norm, elites, epochs = timed("model_train", lambda: train_model(ens, real))
            if t_start is not None:
                trainings.append(epochs)
            print(f"  step {step:6d}  model trained: {epochs} epochs in {time.perf_counter() - t0:.1f} s",
                  file=sys.stderr, flush=True)

            def rollout():
                mu, sd, ymu, ysd = norm
                so, _, _, _, _ = real.sample(50000)
                with torch.no_grad():
                    sa, _ = sac.sample(so)
                    mean, lv = ens.forward(((torch.cat([so, sa], 1) - mu) / sd).unsqueeze(0))
                    sample = mean + torch.randn_like(mean) * (0.5 * lv).exp()
                    pick = elites[torch.randint(0, 5, (50000,))]
                    out = sample[pick, torch.arange(50000)] * ysd + ymu
                    model_buf.add_batch(so, sa, out[:, 0], so + out[:, 1:], torch.zeros(50000))
            timed("rollout", rollout)
        if step >= 400 and norm is not None:
            def updates():
                for _ in range(20):
                    rb = real.sample(13)
                    mb = model_buf.sample(243)
                    sac.update(*(torch.cat([p, q]) for p, q in zip(rb, mb)))
            timed("policy_update", updates)
        if step % 200 == 0:
            def evaluate():
                eo, done, ret = eval_env.reset(), False, 0.0
                while not done:
                    eo, er, done = eval_env.step(act(eo, True)[0])
                    ret += er
                return ret
            ret = timed("evaluate", evaluate)
            if step == args.loop_from:
                t_start, phases = time.perf_counter(), {}
            elif step > args.loop_from:
                print(f"  step {step:6d}  eval return {ret:8.1f}", file=sys.stderr, flush=True)
    seconds = time.perf_counter() - t_start
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "device": args.device,
           "real_steps_per_s": args.loop_steps / seconds,
           "seconds_per_1000_steps": seconds * 1000 / args.loop_steps}
    for k, v in phases.items():
        out[k + "_s_per_1000_steps"] = v * 1000 / args.loop_steps
    out["model_trainings"] = len(trainings)
    out["model_epochs_per_training"] = sum(trainings) / max(1, len(trainings))
    return out


def sync():
    """Waits for queued GPU work, so that a timing covers it (nothing to wait for on the CPU)."""
    if torch.cuda.is_available() and torch.cuda.is_initialized():
        torch.cuda.synchronize()


def median_ms(fn, warmup, repeat):
    for _ in range(warmup):
        fn()
    sync()
    t = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        sync()
        t.append((time.perf_counter() - t0) * 1000)
    return statistics.median(t)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=100)
    ap.add_argument("--json")
    ap.add_argument("--loop", action="store_true", help="time the whole MBPO loop instead of the kernels")
    ap.add_argument("--loop-from", type=int, default=1000)
    ap.add_argument("--loop-steps", type=int, default=1000)
    ap.add_argument("--device", default="cpu", help="cpu or cuda (default: cpu)")
    ap.add_argument("--seed", type=int, default=0, help="the loop's seed (torch, environment, sampling; default: 0)")
    args = ap.parse_args()
    if args.device != "cpu":
        torch.set_default_device(args.device)
    if args.loop:
        out = loop(args)
        print(json.dumps(out, indent=1))
        if args.json:
            json.dump(out, open(args.json, "w"), indent=1)
        return
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "device": args.device}

    sac = Sac()
    n = 10000
    data = (torch.randn(n, 3), torch.rand(n, 1) * 2 - 1, -torch.rand(n) * 10, torch.randn(n, 3), torch.zeros(n))

    def sac_step():
        idx = torch.randint(0, n, (256,))
        sac.update(*(t[idx] for t in data))
    out["sac_update_256_ms"] = median_ms(sac_step, 300, args.repeat)  # as many warm-up updates as the workbench

    ens = Ensemble()
    rows = 12800
    xs = torch.randn(rows, 4)
    ys = torch.randn(rows, 4) * 0.1
    n_train = int(rows * 0.8)
    hold_x, hold_y = xs[n_train:], ys[n_train:]

    def epoch():
        perm = torch.stack([torch.randint(0, n_train, (n_train,)) for _ in range(7)])
        for s in range(0, n_train, 256):
            idx = perm[:, s:s + 256]
            ens.step(xs[idx], ys[idx])
        with torch.no_grad():
            mean, _ = ens.forward(hold_x.unsqueeze(0))
            ((mean - hold_y) ** 2).mean(dim=(1, 2))
    steps = math.ceil(n_train / 256)
    out["ensemble_train_step_ms"] = median_ms(epoch, 1, max(3, args.repeat // 20)) / steps

    states = torch.randn(10000, 3)
    acts = torch.rand(10000, 1) * 2 - 1
    elites = torch.tensor([0, 1, 2, 3, 4])

    def rollout():
        with torch.no_grad():
            mean, lv = ens.forward(torch.cat([states, acts], 1).unsqueeze(0))
            sample = mean + torch.randn_like(mean) * (0.5 * lv).exp()
            pick = elites[torch.randint(0, 5, (10000,))]
            chosen = sample[pick, torch.arange(10000)]
            next_states = states + chosen[:, 1:]
            mean[:, :, 1:].std(0).mean(1)  # disagreement, as the workbench reports it
            return next_states
    ms = median_ms(rollout, 2, max(3, args.repeat // 20))
    out["imagined_per_s"] = 10000 / (ms / 1000)
    print(json.dumps(out, indent=1))
    if args.json:
        json.dump(out, open(args.json, "w"), indent=1)


if __name__ == "__main__":
    main()
