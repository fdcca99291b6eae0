#!/usr/bin/python3
"""Train LeNet-5 on Fashion-MNIST, reproducibly, and export everything the Java side needs.

How to run (from the repository root, with Debian's Python so that Debian's torch is found):

    apt-get install -y dataset-fashion-mnist python3-torch python3-numpy
    /usr/bin/python3 tools/train/train_lenet.py

Optional flags: --data DIR (default /usr/share/datasets/fashion-mnist), --epochs N (default 15),
--seed S (default 20240501), --out-root DIR (default: the repository root).

What it produces (paths relative to the repository root):

  nn/src/main/resources/dev/mrfi/nn/lenet-fashion-mnist.npz
      Trained weights, uncompressed np.savez archive of float32 arrays, keyed by the PyTorch
      state_dict names: conv1.weight [6,1,5,5], conv1.bias [6], conv2.weight [16,6,5,5],
      conv2.bias [16], fc1.weight [120,400], fc1.bias [120], fc2.weight [84,120], fc2.bias [84],
      fc3.weight [10,84], fc3.bias [10]. Linear weights are [out, in] as in PyTorch.

  nn/src/main/resources/dev/mrfi/nn/fashion-mnist-test-2000-images-idx3-ubyte.gz
  nn/src/main/resources/dev/mrfi/nn/fashion-mnist-test-2000-labels-idx1-ubyte.gz
      The first 2000 images / labels of the Fashion-MNIST test set (t10k), in the original IDX
      format, gzipped deterministically (mtime 0, no file name in the gzip header).

  nn/src/test/resources/dev/mrfi/nn/lenet-first8-logits.npy
      float32 [8,10]: the model's logits for the first 8 test images, computed from the weights
      as reloaded from the .npz above, so the Java forward pass can be checked numerically.

Model input: raw pixels divided by 255 into float32 [0,1], shape [N,1,28,28]. There is NO mean/std
normalisation; a Java runtime must do exactly x / 255f and nothing else.

Architecture (flatten order is PyTorch's: channel, row, column):
  conv1 Conv2d(1,6,5,padding=2) -> ReLU -> MaxPool2d(2)
  conv2 Conv2d(6,16,5)          -> ReLU -> MaxPool2d(2) -> flatten (16*5*5 = 400)
  fc1 Linear(400,120) -> ReLU -> fc2 Linear(120,84) -> ReLU -> fc3 Linear(84,10)

Determinism: fixed seeds for Python, NumPy and torch, torch.use_deterministic_algorithms(True),
two intra-op threads, and a shuffle order drawn from a NumPy RandomState seeded per epoch. With the
same torch build on the same CPU kind the weights come out bit-identical; on another build they may
differ in the last bits while the accuracy stays the same to within noise.
"""

import argparse
import gzip
import io
import os
import random
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
DEFAULT_SEED = 20240501
DEFAULT_EPOCHS = 15
BATCH_SIZE = 128
LEARNING_RATE = 1e-3
SUBSET_SIZE = 2000
N_REFERENCE = 8

RESOURCE_DIR = os.path.join("nn", "src", "main", "resources", "dev", "mrfi", "nn")
TEST_RESOURCE_DIR = os.path.join("nn", "src", "test", "resources", "dev", "mrfi", "nn")
WEIGHTS_NAME = "lenet-fashion-mnist.npz"
SUBSET_IMAGES_NAME = "fashion-mnist-test-2000-images-idx3-ubyte.gz"
SUBSET_LABELS_NAME = "fashion-mnist-test-2000-labels-idx1-ubyte.gz"
LOGITS_NAME = "lenet-first8-logits.npy"

IDX_IMAGES_MAGIC = 0x00000803  # unsigned byte, 3 dimensions
IDX_LABELS_MAGIC = 0x00000801  # unsigned byte, 1 dimension

CLASS_NAMES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
               "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]

STATE_KEYS = ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias",
              "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"]


class LeNet5(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


# ---------------------------------------------------------------------------------------------
# IDX reading and writing

def read_idx_gz(path, expected_magic):
    """Read a gzipped IDX file of unsigned bytes; returns a uint8 array with the stored dims."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = struct.unpack(">I", raw[:4])[0]
    if magic != expected_magic:
        raise ValueError("%s: magic 0x%08x, expected 0x%08x" % (path, magic, expected_magic))
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(dims)):
        raise ValueError("%s: %d data bytes for dims %s" % (path, data.size, dims))
    return data.reshape(dims)


def idx_bytes(array, magic):
    """Serialise a uint8 array as IDX: big-endian magic, big-endian dims, then the raw bytes."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    if (magic & 0xFF) != array.ndim:
        raise ValueError("magic 0x%08x does not match ndim %d" % (magic, array.ndim))
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * array.ndim, *array.shape)
    return header + array.tobytes()


def write_gzip_deterministic(path, payload):
    """gzip with mtime 0 and an empty file name, so reruns give identical bytes."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(payload)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def load_split(data_dir, prefix):
    images = read_idx_gz(os.path.join(data_dir, prefix + "-images-idx3-ubyte.gz"), IDX_IMAGES_MAGIC)
    labels = read_idx_gz(os.path.join(data_dir, prefix + "-labels-idx1-ubyte.gz"), IDX_LABELS_MAGIC)
    if images.shape[0] != labels.shape[0] or images.shape[1:] != (28, 28):
        raise ValueError("unexpected shapes %s / %s for %s" % (images.shape, labels.shape, prefix))
    return images, labels


def to_input(images_uint8):
    """uint8 [N,28,28] -> float32 tensor [N,1,28,28] in [0,1]. The only preprocessing."""
    x = images_uint8.astype(np.float32) / np.float32(255.0)
    return torch.from_numpy(x).unsqueeze(1)


# ---------------------------------------------------------------------------------------------
# Training and evaluation

def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    torch.use_deterministic_algorithms(True)


@torch.no_grad()
def evaluate(model, x, y, batch=1000):
    model.eval()
    correct = 0
    for i in range(0, x.shape[0], batch):
        pred = model(x[i:i + batch]).argmax(dim=1)
        correct += int((pred == y[i:i + batch]).sum())
    return correct / x.shape[0]


def train(model, x_train, y_train, epochs, seed, log=print):
    opt = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    n = x_train.shape[0]
    for epoch in range(epochs):
        model.train()
        order = torch.from_numpy(np.random.RandomState(seed + epoch).permutation(n))
        total_loss = 0.0
        t0 = time.time()
        for i in range(0, n, BATCH_SIZE):
            idx = order[i:i + BATCH_SIZE]
            xb, yb = x_train[idx], y_train[idx]
            opt.zero_grad()
            loss = F.cross_entropy(model(xb), yb)
            loss.backward()
            opt.step()
            total_loss += float(loss) * xb.shape[0]
        log("epoch %2d/%d  loss %.4f  (%.1f s)" % (epoch + 1, epochs, total_loss / n, time.time() - t0))


def save_weights(model, path):
    state = model.state_dict()
    if list(state.keys()) != STATE_KEYS:
        raise AssertionError("unexpected state_dict keys: %s" % list(state.keys()))
    arrays = {k: state[k].detach().cpu().numpy().astype(np.float32) for k in STATE_KEYS}
    np.savez(path, **arrays)


def load_weights(path):
    """Build a LeNet5 from an .npz written by save_weights (used to verify the round trip)."""
    model = LeNet5()
    with np.load(path) as npz:
        if sorted(npz.files) != sorted(STATE_KEYS):
            raise ValueError("%s holds %s" % (path, npz.files))
        state = {k: torch.from_numpy(np.array(npz[k])) for k in STATE_KEYS}
    model.load_state_dict(state)
    model.eval()
    return model


@torch.no_grad()
def reference_logits(model, images_uint8):
    model.eval()
    return model(to_input(images_uint8)).numpy().astype(np.float32)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out-root", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")))
    args = ap.parse_args(argv)

    seed_everything(args.seed)
    print("torch %s, numpy %s, threads %d, seed %d" % (torch.__version__, np.__version__, torch.get_num_threads(), args.seed))

    train_images, train_labels = load_split(args.data, "train")
    test_images, test_labels = load_split(args.data, "t10k")
    x_train, y_train = to_input(train_images), torch.from_numpy(train_labels.astype(np.int64))
    x_test, y_test = to_input(test_images), torch.from_numpy(test_labels.astype(np.int64))

    model = LeNet5()
    t0 = time.time()
    train(model, x_train, y_train, args.epochs, args.seed)
    train_seconds = time.time() - t0

    res_dir = os.path.join(args.out_root, RESOURCE_DIR)
    test_res_dir = os.path.join(args.out_root, TEST_RESOURCE_DIR)
    os.makedirs(res_dir, exist_ok=True)
    os.makedirs(test_res_dir, exist_ok=True)

    weights_path = os.path.join(res_dir, WEIGHTS_NAME)
    save_weights(model, weights_path)

    # Everything below uses the weights as reloaded from disk, i.e. what the Java side will see.
    reloaded = load_weights(weights_path)
    acc_full = evaluate(reloaded, x_test, y_test)
    acc_subset = evaluate(reloaded, x_test[:SUBSET_SIZE], y_test[:SUBSET_SIZE])
    acc_train = evaluate(reloaded, x_train, y_train)

    sub_images, sub_labels = test_images[:SUBSET_SIZE], test_labels[:SUBSET_SIZE]
    write_gzip_deterministic(os.path.join(res_dir, SUBSET_IMAGES_NAME), idx_bytes(sub_images, IDX_IMAGES_MAGIC))
    write_gzip_deterministic(os.path.join(res_dir, SUBSET_LABELS_NAME), idx_bytes(sub_labels, IDX_LABELS_MAGIC))

    logits = reference_logits(reloaded, test_images[:N_REFERENCE])
    np.save(os.path.join(test_res_dir, LOGITS_NAME), logits)

    hist = np.bincount(sub_labels, minlength=10)
    print("training wall time: %.1f s (%d epochs, batch %d, Adam lr %g)" % (train_seconds, args.epochs, BATCH_SIZE, LEARNING_RATE))
    print("accuracy  train(60000) %.4f  test(10000) %.4f  test-subset(first %d) %.4f" % (acc_train, acc_full, SUBSET_SIZE, acc_subset))
    print("subset class histogram: " + ", ".join("%d %s: %d" % (c, CLASS_NAMES[c], hist[c]) for c in range(10)))
    print("first %d labels %s, predictions %s" % (N_REFERENCE, test_labels[:N_REFERENCE].tolist(), logits.argmax(axis=1).tolist()))
    print("wrote %s (%d bytes)" % (weights_path, os.path.getsize(weights_path)))
    if acc_full < 0.87:
        print("ERROR: test accuracy %.4f is below 0.87" % acc_full, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
