#!/usr/bin/python3
"""The PyTorch peer of `bench/compare-study.yaml`: the same trials, one after another, on one thread.

Each trial does what gradsweep's Trainer does for that study file (core/.../train/Trainer.java and
Evaluator.java), so that the two are timed on the same work:
- data: the repo's own digits (core/src/main/resources/.../digits.csv.gz), pixels / 16, a seeded
  shuffle split into 359 test and 1,438 training rows (round(1797 x 0.2) test, as `digits` with
  its default test_fraction=0.2), then standard scaling fitted on the training rows (population
  std, 1 for a constant column), as `digits` with its default scaling=standard. The shuffle is
  torch's, not gradsweep's SplitMix64, so the rows in each part differ; sizes and scaling match.
- network: 64 -> width x depth -> 10, He-normal weights (std sqrt(2 / fan_in), every layer), zero
  biases; softmax cross-entropy (mean over the batch); plain SGD (no momentum), lr 0.02.
- training: each epoch a fresh shuffle of the training rows, batches of 64, the last one short
  (23 steps an epoch), 30 epochs; each step's minibatch loss is read (gradsweep checks it for
  divergence and averages it into the trace).
- evaluation at step 0 and after every epoch (31 points): train and test loss and accuracy over
  every row (forward in chunks of 256, gradsweep's evaluation chunk), then on the first 512
  training rows a forward and backward for each layer's weight-gradient norm, and each hidden
  layer's dead-unit fraction (units whose activation derivative is 0 on every row) and activation
  mean and std.
Prints one key=value line per trial (the seconds cover all of the above, the split included).
"""
import argparse
import gzip
import math
import os
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "core", "src", "main", "resources", "io", "gradsweep", "core", "data",
                      "digits.csv.gz")
SELU_ALPHA, SELU_SCALE = 1.6732632423543772, 1.0507009873554805
CHUNK = 256


def activation(name):
    """The module and its derivative as a function of (z, y), as gradsweep's Activation.derivative."""
    if name == "relu":
        return torch.nn.ReLU(), lambda z, y: (z > 0).float()
    if name == "leaky_relu":
        return torch.nn.LeakyReLU(0.01), lambda z, y: torch.where(z > 0, 1.0, 0.01)
    if name == "elu":
        return torch.nn.ELU(1.0), lambda z, y: torch.where(z > 0, 1.0, y + 1.0)
    if name == "selu":
        return torch.nn.SELU(), lambda z, y: torch.where(z > 0, SELU_SCALE, y + SELU_SCALE * SELU_ALPHA)
    if name == "gelu":  # the exact (erf) form, as gradsweep's gelu
        return torch.nn.GELU(), lambda z, y: (0.5 * (1 + torch.erf(z / math.sqrt(2)))
                                               + z * torch.exp(-0.5 * z * z) / math.sqrt(2 * math.pi))
    if name == "silu":
        def silu_derivative(z, y):
            s = torch.sigmoid(z)
            return s * (1 + z * (1 - s))
        return torch.nn.SiLU(), silu_derivative
    if name == "softplus":
        return torch.nn.Softplus(), lambda z, y: torch.sigmoid(z)
    if name == "tanh":
        return torch.nn.Tanh(), lambda z, y: 1 - y * y
    if name == "sigmoid":
        return torch.nn.Sigmoid(), lambda z, y: y * (1 - y)
    raise SystemExit(f"unknown activation {name!r}")


def load_digits():
    rows = [line.split(",") for line in gzip.open(DIGITS, "rt").read().split()]
    x = torch.tensor([[int(v) for v in r[:64]] for r in rows], dtype=torch.float32) / 16
    y = torch.tensor([int(r[64]) for r in rows], dtype=torch.int64)
    return x, y


def split_and_scale(x, y, generator, test_fraction=0.2):
    n = x.shape[0]
    order = torch.randperm(n, generator=generator)
    test_count = min(n - 1, max(1, round(n * test_fraction)))
    test, train = order[:test_count], order[test_count:]
    xd = x[train].double()
    mean = xd.mean(0)
    std = ((xd - mean) ** 2).mean(0).sqrt()
    std[std == 0] = 1
    scale = lambda rows: ((x[rows].double() - mean) / std).float()  # noqa: E731
    return scale(train), y[train], scale(test), y[test]


class Mlp(torch.nn.Module):
    """Linear layers with the activation between; keeps each hidden layer's z and y of the last forward."""

    def __init__(self, depth, width, act, generator):
        super().__init__()
        sizes = [64] + [width] * depth + [10]
        self.layers = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes, sizes[1:]))
        self.act = act
        with torch.no_grad():
            for layer in self.layers:
                layer.weight.normal_(0, math.sqrt(2 / layer.in_features), generator=generator)
                layer.bias.zero_()
        self.keep = False
        self.kept = []

    def forward(self, h):
        self.kept = []
        for layer in self.layers[:-1]:
            z = layer(h)
            h = self.act(z)
            if self.keep:
                self.kept.append((z.detach(), h.detach()))
        return self.layers[-1](h)


def loss_and_accuracy(model, x, y):
    total, right = 0.0, 0
    with torch.no_grad():
        for start in range(0, x.shape[0], CHUNK):
            out = model(x[start:start + CHUNK])
            total += torch.nn.functional.cross_entropy(out, y[start:start + CHUNK], reduction="sum").item()
            right += (out.argmax(1) == y[start:start + CHUNK]).sum().item()
    return total / x.shape[0], right / x.shape[0]


def layer_statistics(model, derivative, x, y, subset):
    n = min(subset, x.shape[0])
    model.zero_grad(set_to_none=True)
    hidden = len(model.layers) - 1
    alive = [None] * hidden
    sums = [0] * hidden  # float64 tensors after the first chunk, read once at the end
    squares = [0] * hidden
    model.keep = True
    for start in range(0, n, CHUNK):
        rows = slice(start, min(n, start + CHUNK))
        out = model(x[rows])
        for l, (z, h) in enumerate(model.kept):
            unit_alive = (derivative(z, h) != 0).any(0)
            alive[l] = unit_alive if alive[l] is None else alive[l] | unit_alive
            hd = h.double()
            sums[l] = sums[l] + hd.sum()
            squares[l] = squares[l] + (hd * hd).sum()
        (torch.nn.functional.cross_entropy(out, y[rows], reduction="sum") / n).backward()
    model.keep = False
    norms = [layer.weight.grad.double().norm().item() for layer in model.layers]
    stats = []
    for l in range(hidden):
        count = n * alive[l].numel()
        mean = sums[l].item() / count
        stats.append((1 - alive[l].float().mean().item(), mean,
                      math.sqrt(max(0, squares[l].item() / count - mean * mean))))
    return norms, stats


def trial(x, y, act_name, depth, args, seed):
    start = time.perf_counter()
    generator = torch.Generator().manual_seed(seed)
    xtr, ytr, xte, yte = split_and_scale(x, y, generator)
    act, derivative = activation(act_name)
    model = Mlp(depth, args.width, act, generator)
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)
    points = []

    def evaluate():
        points.append((loss_and_accuracy(model, xtr, ytr), loss_and_accuracy(model, xte, yte),
                       layer_statistics(model, derivative, xtr, ytr, args.eval_subset)))

    evaluate()
    minibatch_losses = []
    for _ in range(args.epochs):
        order = torch.randperm(xtr.shape[0], generator=generator)
        for b in range(0, xtr.shape[0], args.batch):
            rows = order[b:b + args.batch]
            optimizer.zero_grad(set_to_none=True)
            loss = torch.nn.functional.cross_entropy(model(xtr[rows]), ytr[rows])
            minibatch_losses.append(loss.item())
            loss.backward()
            optimizer.step()
        evaluate()
    seconds = time.perf_counter() - start
    (train_loss, _), (_, test_accuracy), _ = points[-1]
    return seconds, train_loss, test_accuracy, len(points)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--activations", default="relu,leaky_relu,elu,selu,gelu,silu,softplus,tanh,sigmoid")
    p.add_argument("--depths", default="2,4,8,16")
    p.add_argument("--replicates", type=int, default=2)
    p.add_argument("--width", type=int, default=64)
    p.add_argument("--lr", type=float, default=0.02)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--eval-subset", type=int, default=512)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()

    torch.set_num_threads(1)
    print(f"torch={torch.__version__} threads={torch.get_num_threads()}", flush=True)
    x, y = load_digits()
    for act_name in a.activations.split(","):
        for depth in [int(d) for d in a.depths.split(",")]:
            for replicate in range(a.replicates):
                seconds, train_loss, test_accuracy, points = trial(x, y, act_name, depth, a,
                                                                   a.seed * 1000 + replicate)
                print(f"impl=pytorch activation={act_name} depth={depth} replicate={replicate} "
                      f"seconds={seconds:.4f} points={points} final_train_loss={train_loss:.4f} "
                      f"final_test_accuracy={test_accuracy:.4f}", flush=True)


if __name__ == "__main__":
    main()
