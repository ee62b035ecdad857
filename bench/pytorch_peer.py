#!/usr/bin/python3
"""The PyTorch peer of `gradsweep bench`: the same MLP, loss, optimiser and data shapes, one thread.

MLP inputs -> width x depth -> classes, ReLU (or --activation), softmax cross-entropy, plain SGD
(lr 0.01), batch 64, fp32, on random Gaussian rows with random labels cycled over 8 batches.
Prints key=value lines like the Java side.
"""
import argparse
import statistics
import time

import torch

ACTIVATIONS = {
    "relu": torch.nn.ReLU, "elu": torch.nn.ELU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid,
    "gelu": torch.nn.GELU, "silu": torch.nn.SiLU, "leaky_relu": torch.nn.LeakyReLU,
}


def build(inputs, width, depth, classes, activation):
    layers, fan_in = [], inputs
    for _ in range(depth):
        layers += [torch.nn.Linear(fan_in, width), ACTIVATIONS[activation]()]
        fan_in = width
    layers.append(torch.nn.Linear(fan_in, classes))
    return torch.nn.Sequential(*layers)


def steps_per_second(step, seconds):
    start = time.perf_counter()
    steps = 0
    while True:
        for _ in range(16):
            step()
        steps += 16
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return steps / elapsed


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--depth", default="2,8")
    p.add_argument("--width", type=int, default=128)
    p.add_argument("--inputs", type=int, default=64)
    p.add_argument("--classes", type=int, default=10)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--activation", default="relu", choices=sorted(ACTIVATIONS))
    p.add_argument("--seconds", type=float, default=2.0)
    p.add_argument("--repeats", type=int, default=5)
    p.add_argument("--warmup-seconds", type=float, default=3.0)
    a = p.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(42)
    print(f"torch={torch.__version__} threads={torch.get_num_threads()}")
    for depth in [int(d) for d in a.depth.split(",")]:
        model = build(a.inputs, a.width, depth, a.classes, a.activation)
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        loss_fn = torch.nn.CrossEntropyLoss()
        xs = [torch.randn(a.batch, a.inputs) for _ in range(8)]
        ys = [torch.randint(0, a.classes, (a.batch,)) for _ in range(8)]
        state = {"i": 0}

        def step():
            i = state["i"]
            state["i"] = (i + 1) % 8
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(xs[i]), ys[i])
            loss.backward()
            optimizer.step()

        steps_per_second(step, a.warmup_seconds)
        rates = []
        for r in range(a.repeats):
            rates.append(steps_per_second(step, a.seconds))
            print(f"impl=pytorch depth={depth} width={a.width} activation={a.activation} repeat={r} "
                  f"steps_per_s={rates[-1]:.1f}")
        weights = sum(m.weight.numel() for m in model if isinstance(m, torch.nn.Linear))
        median = statistics.median(rates)
        print(f"impl=pytorch depth={depth} width={a.width} activation={a.activation} "
              f"median_steps_per_s={median:.1f} gflops={median * 6 * a.batch * weights / 1e9:.2f}")


if __name__ == "__main__":
    main()
