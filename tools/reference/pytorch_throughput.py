#!/usr/bin/python3
"""Golden (fault-free) inference throughput of the small Fashion-MNIST ResNet in PyTorch on the CPU.

How to run (from the repository root):

    /usr/bin/python3 tools/reference/pytorch_throughput.py [THREADS]      # THREADS defaults to 1

The model is tools/train/out/resnet-fashion-mnist.pt loaded into train_resnet.SmallResNet (eval mode,
BatchNorm not folded, float32, torch.no_grad, no hooks). Input: the first 2000 Fashion-MNIST test
images as pixels / 255, in batches of 128 (15 batches of 128 and one of 80). Two warm-up passes over
the 2000 images are followed by 7 timed passes; the result is 2000 / median pass time.

Prints exactly one line:  pytorch_images_per_second=<x> threads=<n> batch=128
"""

import os
import statistics
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "train"))
from train_resnet import SmallResNet, load_split, to_input, DEFAULT_DATA, STATE_REL  # noqa: E402

BATCH = 128
IMAGES = 2000
WARMUP_PASSES = 2
TIMED_PASSES = 7


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    torch.set_num_threads(threads)
    test_u8, _ = load_split(DEFAULT_DATA, "t10k")
    x = to_input(test_u8[:IMAGES])
    batches = [x[s:s + BATCH].contiguous() for s in range(0, IMAGES, BATCH)]
    model = SmallResNet()
    model.load_state_dict(torch.load(os.path.join(ROOT, STATE_REL)))
    model.eval()

    def one_pass():
        t0 = time.perf_counter()
        with torch.no_grad():
            for b in batches:
                model(b)
        return time.perf_counter() - t0

    for _ in range(WARMUP_PASSES):
        one_pass()
    times = [one_pass() for _ in range(TIMED_PASSES)]
    ips = IMAGES / statistics.median(times)
    print("pytorch_images_per_second=%.1f threads=%d batch=%d" % (ips, threads, BATCH))


if __name__ == "__main__":
    main()
