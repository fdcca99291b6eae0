#!/usr/bin/python3
"""Recompute the PyTorch reference outputs from the committed weights, without retraining.

How to run (from the repository root):

    /usr/bin/python3 tools/train/reference_outputs.py           # rewrite the logits file
    /usr/bin/python3 tools/train/reference_outputs.py --check   # only compare, exit 1 on mismatch

It loads nn/src/main/resources/dev/mrfi/nn/lenet-fashion-mnist.npz and the embedded 2000-image
test subset next to it, runs the float model in PyTorch, prints the subset accuracy (and the
full 10,000-image test accuracy when /usr/share/datasets/fashion-mnist is installed), and writes
the logits of the first 8 subset images (= the first 8 test images) as float32 [8,10] to
nn/src/test/resources/dev/mrfi/nn/lenet-first8-logits.npy.

train_lenet.py writes the same file at the end of training; this script exists so that the
reference can be regenerated or checked on its own, against exactly the bytes the Java side reads.
"""

import argparse
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_lenet as tl  # noqa: E402  (same folder)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")))
    ap.add_argument("--data", default=tl.DEFAULT_DATA)
    ap.add_argument("--check", action="store_true", help="compare with the stored logits instead of writing them")
    args = ap.parse_args(argv)

    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)

    res_dir = os.path.join(args.root, tl.RESOURCE_DIR)
    model = tl.load_weights(os.path.join(res_dir, tl.WEIGHTS_NAME))
    images = tl.read_idx_gz(os.path.join(res_dir, tl.SUBSET_IMAGES_NAME), tl.IDX_IMAGES_MAGIC)
    labels = tl.read_idx_gz(os.path.join(res_dir, tl.SUBSET_LABELS_NAME), tl.IDX_LABELS_MAGIC)

    x, y = tl.to_input(images), torch.from_numpy(labels.astype(np.int64))
    acc_subset = tl.evaluate(model, x, y)
    print("subset (%d images): accuracy %.4f (%d correct)" % (len(labels), acc_subset, round(acc_subset * len(labels))))
    if os.path.isdir(args.data):
        full_images, full_labels = tl.load_split(args.data, "t10k")
        acc_full = tl.evaluate(model, tl.to_input(full_images), torch.from_numpy(full_labels.astype(np.int64)))
        print("full test set (%d images): accuracy %.4f" % (len(full_labels), acc_full))

    logits = tl.reference_logits(model, images[:tl.N_REFERENCE])
    out = os.path.join(args.root, tl.TEST_RESOURCE_DIR, tl.LOGITS_NAME)
    if args.check:
        stored = np.load(out)
        diff = float(np.max(np.abs(stored - logits)))
        print("max |stored - recomputed| = %g" % diff)
        return 0 if stored.shape == logits.shape and diff <= 1e-5 else 1
    os.makedirs(os.path.dirname(out), exist_ok=True)
    np.save(out, logits)
    print("wrote %s, argmax %s, labels %s" % (out, logits.argmax(axis=1).tolist(), labels[:tl.N_REFERENCE].tolist()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
