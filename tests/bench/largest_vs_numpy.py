#!/usr/bin/python3
"""The largest allowed network, one full-batch step: backprop-lab-cli against numpy, side by side.

Usage: tests/bench/largest_vs_numpy.py build/default/app/backprop-lab-cli [steps] [layers]

Writes a session of the issue's shape (2-64-64-64-64-64-64-2 by default: tanh hidden, sigmoid
out, per-node trained biases, 1024 samples), then times in this one sitting:
  - the CLI as a whole process with --steps STEPS and with --steps 0; the difference divided by
    STEPS is its time per step, and its peak resident memory is read from the kernel;
  - the same full-batch step in matrix form with numpy (OpenBLAS or whichever BLAS numpy has),
    in a child process so that its memory is measured the same way.
Each is run three times and the fastest kept, since the machine is shared.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import time

NUMPY_STEP = r"""
import json, sys, time
import numpy as np
config = json.load(open(sys.argv[1]))
steps = int(sys.argv[2])
layers = config["layers"]
rng = np.random.default_rng(config["seed"])
X = np.array([s["input"] for s in config["samples"]])
T = np.array([s["target"] for s in config["samples"]])
W = [rng.uniform(-0.5, 0.5, (layers[l + 1], layers[l])) for l in range(len(layers) - 1)]
b = [rng.uniform(-0.5, 0.5, layers[l + 1]) for l in range(len(layers) - 1)]
n, lr = X.shape[0], config["learning_rate"]

def step():
    A = [X]
    for l in range(len(W)):
        Z = A[-1] @ W[l].T + b[l]
        A.append(np.tanh(Z) if l < len(W) - 1 else 1.0 / (1.0 + np.exp(-Z)))
    out = A[-1]
    diff = T - out
    loss = 0.5 * np.sum(diff * diff) / n
    delta = -diff * out * (1.0 - out)
    for l in reversed(range(len(W))):
        gW = delta.T @ A[l] / n
        gb = delta.sum(0) / n
        if l > 0:
            delta = (delta @ W[l]) * (1.0 - A[l] * A[l])
        W[l] -= lr * gW
        b[l] -= lr * gb
    return loss

step()
start = time.perf_counter()
for _ in range(steps):
    step()
print((time.perf_counter() - start) / steps)
"""


def session(layers, samples=1024):
    rng = random.Random(11)
    return {"format": "backprop-lab-session", "version": 1, "layers": layers,
            "activations": ["tanh"] * (len(layers) - 2) + ["sigmoid"],
            "bias_mode": "per-node", "train_biases": True, "learning_rate": 0.1, "seed": 7,
            "samples": [{"input": [rng.uniform(-1, 1) for _ in range(layers[0])],
                         "target": [rng.uniform(0.05, 0.95) for _ in range(layers[-1])]}
                        for _ in range(samples)]}


def timed(command):
    """Wall seconds and standard output of one child process."""
    start = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.PIPE, check=True, text=True)
    return time.perf_counter() - start, result.stdout


def peak_kb(command):
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, check=True, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def main():
    cli = sys.argv[1]
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    layers = [int(n) for n in (sys.argv[3] if len(sys.argv) > 3
                               else "2-64-64-64-64-64-64-2").split("-")]
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "largest.json")
        with open(path, "w") as out:
            json.dump(session(layers), out)
        cli_runs, numpy_runs = [], []
        for _ in range(3):
            full = timed([cli, "--config", path, "--steps", str(steps)])[0]
            empty = timed([cli, "--config", path, "--steps", "0"])[0]
            cli_runs.append((full - empty) / steps)
            try:
                numpy_runs.append(float(timed(["/usr/bin/python3", "-c", NUMPY_STEP, path,
                                               str(steps)])[1]))
            except (subprocess.CalledProcessError, FileNotFoundError):
                pass
        cli_step = min(cli_runs)
        shape = "-".join(map(str, layers))
        print(f"layers {shape}, 1024 samples, {steps} steps, fastest of 3")
        print(f"backprop-lab-cli: {cli_step * 1e3:8.2f} ms/step, peak "
              f"{peak_kb([cli, '--config', path, '--steps', str(steps)]) / 1024:.1f} MB")
        if numpy_runs:
            numpy_step = min(numpy_runs)
            numpy_peak = peak_kb(["/usr/bin/python3", "-c", NUMPY_STEP, path, str(steps)])
            print(f"numpy:            {numpy_step * 1e3:8.2f} ms/step, peak "
                  f"{numpy_peak / 1024:.1f} MB")
            print(f"numpy / cli:      {numpy_step / cli_step:8.2f}x")
        else:
            print("numpy: not available (Debian: apt install python3-numpy)")


if __name__ == "__main__":
    main()
