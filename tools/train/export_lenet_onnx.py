#!/usr/bin/env python3
"""Exports the shipped LeNet-5 (nn/src/main/resources/dev/mrfi/nn/lenet-fashion-mnist.npz) to ONNX.

The second network the ONNX host is tested on: a plain chain whose ReLU and pooling are functional calls,
so their exported nodes carry no module scope. Deterministic: the same weights give the same file.

Usage: /usr/bin/python3 tools/train/export_lenet_onnx.py [OUT.onnx]
Default output: onnx/src/test/resources/dev/mrfi/onnx/lenet-fashion-mnist.onnx
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train_lenet import LeNet5, load_weights  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WEIGHTS = os.path.join(ROOT, "nn", "src", "main", "resources", "dev", "mrfi", "nn", "lenet-fashion-mnist.npz")
DEFAULT_OUT = os.path.join(ROOT, "onnx", "src", "test", "resources", "dev", "mrfi", "onnx", "lenet-fashion-mnist.onnx")


def main(argv):
    out = argv[1] if len(argv) > 1 else DEFAULT_OUT
    model = load_weights(WEIGHTS)
    model.eval()
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), out, opset_version=13, input_names=["input"],
                      output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})
    print("wrote %s (%d bytes)" % (out, os.path.getsize(out)))


if __name__ == "__main__":
    main(sys.argv)
