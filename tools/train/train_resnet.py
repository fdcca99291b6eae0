#!/usr/bin/python3
"""Train a small residual network on Fashion-MNIST, reproducibly, and export it to ONNX.

How to run (from the repository root, with Debian's Python so that Debian's torch is found):

    apt-get install -y dataset-fashion-mnist python3-torch python3-onnx
    /usr/bin/python3 tools/train/train_resnet.py

Optional flags: --data DIR (default /usr/share/datasets/fashion-mnist), --epochs N, --seed S,
--out-root DIR (default: the repository root), --time-only K (time K training batches and stop).

Outputs (paths relative to the repository root):

  onnx/src/main/resources/dev/mrfi/onnx/resnet-fashion-mnist.onnx
      The model in eval mode, opset 13, input "input" float32 [N,1,28,28], output "logits"
      float32 [N,10], dynamic batch axis. Constant folding is on, so every BatchNorm is folded
      into the convolution before it.
  tools/train/out/resnet-fashion-mnist.pt
      The PyTorch state_dict (BatchNorm not folded), used by tools/reference/*.py.
  tools/train/resnet-onnx-graph.txt
      A text listing of the exported graph: nodes (name, op type, inputs, outputs) and
      initializers (name, shape).

Model input: raw pixels divided by 255 into float32 [0,1]; NO mean/std normalisation.

Architecture (module names follow torchvision's ResNet):
  conv1 Conv2d(1,16,3,pad 1,no bias) -> bn1 -> ReLU                          [N,16,28,28]
  layer1.0  BasicBlock(16->16, stride 1, identity shortcut)                  [N,16,28,28]
  layer2.0  BasicBlock(16->32, stride 2, shortcut downsample = 1x1 conv s2 + BN) [N,32,14,14]
  layer3.0  BasicBlock(32->64, stride 2, shortcut downsample = 1x1 conv s2 + BN) [N,64,7,7]
  avgpool AdaptiveAvgPool2d(1) -> flatten -> fc Linear(64,10)
  BasicBlock: conv1 3x3 (stride s) -> bn1 -> ReLU -> conv2 3x3 -> bn2, plus shortcut, then ReLU.

Training: SGD (momentum 0.9, nesterov, weight decay 5e-4), batch 128, one-cycle learning rate
(peak 0.1), random crop with padding 2 and random horizontal flip, cross-entropy loss.
Determinism: fixed seeds for Python, NumPy and torch; torch.use_deterministic_algorithms(True);
one intra-op thread; the shuffle order and augmentation of epoch e come from
np.random.RandomState(seed + e).
"""

import argparse
import gzip
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
DEFAULT_SEED = 20240601
DEFAULT_EPOCHS = 8
BATCH_SIZE = 128
PEAK_LR = 0.1
WEIGHT_DECAY = 5e-4
WIDTHS = (16, 32, 64)

ONNX_REL = os.path.join("onnx", "src", "main", "resources", "dev", "mrfi", "onnx",
                        "resnet-fashion-mnist.onnx")
STATE_REL = os.path.join("tools", "train", "out", "resnet-fashion-mnist.pt")
GRAPH_REL = os.path.join("tools", "train", "resnet-onnx-graph.txt")


# ---------------------------------------------------------------------------------------------
# model

class BasicBlock(nn.Module):
    def __init__(self, in_ch, out_ch, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, out_ch, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_ch)
        self.relu = nn.ReLU(inplace=False)
        self.conv2 = nn.Conv2d(out_ch, out_ch, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_ch)
        if stride != 1 or in_ch != out_ch:
            self.downsample = nn.Sequential(
                nn.Conv2d(in_ch, out_ch, 1, stride=stride, bias=False),
                nn.BatchNorm2d(out_ch))
        else:
            self.downsample = None

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return self.relu(out + identity)


class SmallResNet(nn.Module):
    """ResNet for 1x28x28 inputs, one BasicBlock per stage."""

    def __init__(self, widths=WIDTHS, num_classes=10):
        super().__init__()
        w1, w2, w3 = widths
        self.conv1 = nn.Conv2d(1, w1, 3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(w1)
        self.relu = nn.ReLU(inplace=False)
        self.layer1 = nn.Sequential(BasicBlock(w1, w1, 1))
        self.layer2 = nn.Sequential(BasicBlock(w1, w2, 2))
        self.layer3 = nn.Sequential(BasicBlock(w2, w3, 2))
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(w3, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        # zero-init the last BN of each block so every block starts as an identity
        for m in self.modules():
            if isinstance(m, BasicBlock):
                nn.init.zeros_(m.bn2.weight)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.avgpool(x)
        x = torch.flatten(x, 1)
        return self.fc(x)


# ---------------------------------------------------------------------------------------------
# data

def read_idx_gz(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic = struct.unpack(">I", raw[:4])[0]
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def load_split(data_dir, prefix):
    images = read_idx_gz(os.path.join(data_dir, prefix + "-images-idx3-ubyte.gz"))
    labels = read_idx_gz(os.path.join(data_dir, prefix + "-labels-idx1-ubyte.gz"))
    return images, labels


def to_input(images_u8):
    """uint8 [N,28,28] -> float32 [N,1,28,28] = pixels / 255 (the exact Java preprocessing)."""
    return torch.from_numpy(images_u8.astype(np.float32) / np.float32(255.0)).unsqueeze(1)


def augment(batch, rng):
    """Random crop with zero padding 2 and random horizontal flip, drawn from a NumPy RandomState."""
    n = batch.shape[0]
    padded = F.pad(batch, (2, 2, 2, 2))
    dy = rng.randint(0, 5, size=n)
    dx = rng.randint(0, 5, size=n)
    flip = rng.rand(n) < 0.5
    out = torch.empty_like(batch)
    for i in range(n):
        crop = padded[i, :, dy[i]:dy[i] + 28, dx[i]:dx[i] + 28]
        out[i] = torch.flip(crop, dims=[2]) if flip[i] else crop
    return out


@torch.no_grad()
def accuracy(model, x, y, batch=500):
    model.eval()
    correct = 0
    for s in range(0, x.shape[0], batch):
        correct += (model(x[s:s + batch]).argmax(1) == y[s:s + batch]).sum().item()
    return correct / x.shape[0]


# ---------------------------------------------------------------------------------------------
# ONNX export and listing

def export_onnx(model, path):
    model.eval()
    dummy = torch.zeros(1, 1, 28, 28)
    torch.onnx.export(model, dummy, path, opset_version=13, input_names=["input"],
                      output_names=["logits"],
                      dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}})


def describe_onnx(path):
    import onnx
    from onnx import numpy_helper
    m = onnx.load(path)
    onnx.checker.check_model(m)
    g = m.graph
    lines = ["# %s" % os.path.basename(path),
             "# ir_version %d, opset %s, producer %s %s" % (
                 m.ir_version, ",".join("%s:%d" % (o.domain or "ai.onnx", o.version)
                                        for o in m.opset_import),
                 m.producer_name, m.producer_version),
             "", "## inputs"]
    for v in g.input:
        dims = [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
        lines.append("%s elem_type=%d shape=%s" % (v.name, v.type.tensor_type.elem_type, dims))
    lines.append("")
    lines.append("## outputs")
    for v in g.output:
        dims = [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
        lines.append("%s elem_type=%d shape=%s" % (v.name, v.type.tensor_type.elem_type, dims))
    lines.append("")
    lines.append("## nodes (%d): name | op_type | inputs | outputs | attributes" % len(g.node))
    for n in g.node:
        attrs = []
        for a in n.attribute:
            v = onnx.helper.get_attribute_value(a)
            if isinstance(v, bytes):
                v = v.decode()
            elif isinstance(v, onnx.TensorProto):
                v = "tensor%s" % (list(v.dims),)
            attrs.append("%s=%s" % (a.name, v))
        lines.append("%s | %s | %s | %s | %s" % (n.name, n.op_type, ", ".join(n.input),
                                                   ", ".join(n.output), "; ".join(attrs)))
    lines.append("")
    lines.append("## initializers (%d): name | dtype | shape" % len(g.initializer))
    total = 0
    for t in g.initializer:
        arr = numpy_helper.to_array(t)
        total += arr.size
        lines.append("%s | %s | %s" % (t.name, arr.dtype, list(arr.shape)))
    lines.append("")
    lines.append("# total initializer elements: %d" % total)
    return m, lines


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--out-root", default=os.path.abspath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")))
    ap.add_argument("--time-only", type=int, default=0,
                    help="time this many training batches, print the estimate and exit")
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    train_u8, train_y = load_split(args.data, "train")
    test_u8, test_y = load_split(args.data, "t10k")
    x_train, y_train = to_input(train_u8), torch.from_numpy(train_y.astype(np.int64))
    x_test, y_test = to_input(test_u8), torch.from_numpy(test_y.astype(np.int64))
    print("train %s test %s torch %s" % (tuple(x_train.shape), tuple(x_test.shape),
                                         torch.__version__), flush=True)

    model = SmallResNet()
    n_params = sum(p.numel() for p in model.parameters())
    print("parameters: %d" % n_params, flush=True)
    steps_per_epoch = (x_train.shape[0] + BATCH_SIZE - 1) // BATCH_SIZE
    opt = torch.optim.SGD(model.parameters(), lr=PEAK_LR, momentum=0.9, nesterov=True,
                          weight_decay=WEIGHT_DECAY)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=PEAK_LR, epochs=args.epochs,
                                                steps_per_epoch=steps_per_epoch,
                                                pct_start=0.25)
    t_start = time.time()
    for epoch in range(args.epochs):
        model.train()
        rng = np.random.RandomState(args.seed + epoch)
        order = torch.from_numpy(rng.permutation(x_train.shape[0]))
        t0 = time.time()
        loss_sum = 0.0
        for b in range(steps_per_epoch):
            idx = order[b * BATCH_SIZE:(b + 1) * BATCH_SIZE]
            xb = augment(x_train[idx], rng)
            loss = F.cross_entropy(model(xb), y_train[idx])
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += loss.item()
            if args.time_only and b + 1 == args.time_only:
                dt = time.time() - t0
                print("%d batches in %.1f s -> about %.0f s per epoch" % (
                    b + 1, dt, dt / (b + 1) * steps_per_epoch))
                return
        acc = accuracy(model, x_test, y_test)
        print("epoch %d loss %.4f test_acc %.4f epoch_time %.0fs total %.0fs" % (
            epoch + 1, loss_sum / steps_per_epoch, acc, time.time() - t0,
            time.time() - t_start), flush=True)
    train_time = time.time() - t_start

    model.eval()
    acc10k = accuracy(model, x_test, y_test)
    acc2k = accuracy(model, x_test[:2000], y_test[:2000])
    print("float accuracy: test 10000 %.4f, first 2000 %.4f, training time %.0f s" % (
        acc10k, acc2k, train_time), flush=True)

    state_path = os.path.join(args.out_root, STATE_REL)
    os.makedirs(os.path.dirname(state_path), exist_ok=True)
    torch.save(model.state_dict(), state_path)

    onnx_path = os.path.join(args.out_root, ONNX_REL)
    os.makedirs(os.path.dirname(onnx_path), exist_ok=True)
    export_onnx(model, onnx_path)
    size = os.path.getsize(onnx_path)
    _, lines = describe_onnx(onnx_path)
    scoped = [l for l in lines if l.startswith("/layer1/layer1.0/conv1/")]
    if not scoped:
        print("WARNING: node names do not carry module scopes", file=sys.stderr)
    graph_path = os.path.join(args.out_root, GRAPH_REL)
    with open(graph_path, "w") as f:
        f.write("\n".join(lines) + "\n")
    print("wrote %s (%d bytes), %s, %s" % (onnx_path, size, state_path, graph_path))
    if size >= 2 * 1024 * 1024:
        print("ERROR: ONNX file is not under 2 MB", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
