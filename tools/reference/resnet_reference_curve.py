#!/usr/bin/python3
"""Reference accuracy-versus-BER curve of MRFI's `default_fi` preset on the small Fashion-MNIST ResNet.

How to run (from the repository root, after tools/train/train_resnet.py has written the state_dict):

    /usr/bin/python3 tools/reference/resnet_reference_curve.py [--repeats 10] [--seed 7000]

It loads tools/train/out/resnet-fashion-mnist.pt into the PyTorch model of train_resnet.py (eval mode,
BatchNorm NOT folded, float32) and writes

  onnx/src/test/resources/dev/mrfi/onnx/resnet-float-accuracy.properties
      float accuracy on the first 2000 and on all 10000 test images, the accuracy with default_fi's
      quantization but no faults (golden run), the versions used, and the float logits of the first
      8 test images.
  onnx/src/test/resources/dev/mrfi/onnx/resnet-reference-curve.csv
      ber,rate,accuracy_mean,accuracy_std,accuracy_min,accuracy_max,repeats

What `default_fi` does, re-implemented here as forward pre-hooks (the reference's own code is not used):

  * modules: every module whose dotted name contains "conv" or "fc", or whose str(type(module))
    contains "Conv2d" or "Linear" (the preset's OR-ed matchers). Here: conv1, layerN.0.conv1,
    layerN.0.conv2, layerN.0.downsample.0 and fc (10 modules).
  * on the module's input tensor `act` (one batch of 128 images, so the whole [128,C,H,W] tensor):
      1. D = max(|act|) over the whole tensor, a 0-d float32 tensor (dynamic_range: auto);
      2. layerwise SymmericQuantization, bit_width 16, L = 32767, in place, float32:
             act += D;  act *= (2L / (2D));  act += -L;  clamp to [-L, L];  round half to even
         where `2L / (2D)` is `python int / 0-d tensor`, which torch evaluates as
         (2D).reciprocal() * 2L (two float32 roundings);
      3. RandomPositionByRate(rate = 16 * BER, poisson = True): n ~ Poisson(numel * rate), then n
         flat positions drawn uniformly WITH replacement;
      4. IntSignBitFlip(bit_width 16) on the gathered codes: int32 (truncating) XOR -2^15, back to
         float32; scattered back into act;
      5. dequantize the whole tensor in place: act -= -L;  act *= (2D / 2L);  act -= D.
  * The reference changes the caller's tensor in place, which in a residual network also corrupts
    the shortcut. Like MRFI-J, this script works on a clone, so each Conv/Linear gets its own
    quantized and injected copy of its input and the shortcut stays clean.

Randomness: the reference uses the global numpy RNG (Poisson counts) and the global torch RNG
(positions). Here each (BER, repeat) pair has its own seed = base_seed + 1000 * ber_index + repeat,
used for a numpy RandomState (counts) and a torch.Generator (positions), so the CSV is reproducible.
The reference's BER_Acc_experiment stops once accuracy < 0.01; every point is computed here.
"""

import argparse
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "train"))
from train_resnet import SmallResNet, load_split, to_input, DEFAULT_DATA, STATE_REL  # noqa: E402

TEST_RES = os.path.join("onnx", "src", "test", "resources", "dev", "mrfi", "onnx")
CSV_NAME = "resnet-reference-curve.csv"
PROPS_NAME = "resnet-float-accuracy.properties"

BIT_WIDTH = 16
BERS = [m * 10.0 ** e for e in range(-8, -4) for m in (1, 2, 5)] + [1e-4]
BATCH = 128
SUBSET = 2000

# default_fi's module matchers (module_name OR module_type, substring matches)
MATCH_NAMES = ("conv", "fc")
MATCH_TYPES = ("Conv2d", "Linear")


def matched_modules(model):
    out = []
    for name, m in model.named_modules():
        if any(s in name for s in MATCH_NAMES) or any(s in str(type(m)) for s in MATCH_TYPES):
            out.append((name, m))
    return out


# --- the reference's arithmetic, written with the same torch operations -----------------------

def sym_quantize_(x, d, bw):
    lim = 2 ** (bw - 1) - 1
    x.add_(d)
    x.mul_((2 * lim) / (2 * d))   # int / 0-d tensor == (2 * d).reciprocal() * (2 * lim)
    x.add_(-lim)
    x.clamp_(-lim, lim)
    x.round_()


def sym_dequantize_(x, d, bw):
    lim = 2 ** (bw - 1) - 1
    x.sub_(-lim)
    x.mul_((2 * d) / (2 * lim))   # 0-d tensor / int: one float32 division
    x.sub_(d)


def int_sign_bit_flip(values, bw):
    mask = -(1 << (bw - 1))
    return (values.int() ^ mask).to(values.dtype)


class DefaultFi:
    """Holds the current rate and RNGs; one pre-hook per matched module."""

    def __init__(self, model):
        self.rate = 0.0
        self.golden = False
        self.np_rng = np.random.RandomState(0)
        self.gen = torch.Generator()
        self.faults = 0
        self.names = []
        for name, m in matched_modules(model):
            self.names.append(name)
            m.register_forward_pre_hook(self._hook)

    def reseed(self, seed):
        self.np_rng = np.random.RandomState(seed)
        self.gen.manual_seed(seed)

    def _hook(self, module, inputs):
        return tuple(self._inject(x) for x in inputs)

    def _inject(self, x):
        act = x.clone()                                   # copy-on-inject (MRFI-J behaviour)
        d = act.abs().max()                               # auto range: 0-d float32 tensor
        sym_quantize_(act, d, BIT_WIDTH)                  # layerwise: whole tensor
        if not self.golden and self.rate > 0:
            numel = act.numel()
            n = int(self.np_rng.poisson(numel * self.rate))
            if n > 0:
                idx = torch.randint(0, numel, (n,), generator=self.gen, dtype=torch.int64)
                flat = act.view(-1)
                values = flat[idx]
                flat[idx] = int_sign_bit_flip(values, BIT_WIDTH)
                self.faults += n
        sym_dequantize_(act, d, BIT_WIDTH)
        return act


@torch.no_grad()
def count_correct(model, x, y, batch=BATCH):
    correct = 0
    for s in range(0, x.shape[0], batch):
        correct += (model(x[s:s + batch]).argmax(1) == y[s:s + batch]).sum().item()
    return correct


def fmt(v):
    return "%.6g" % v


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--state", default=os.path.join(ROOT, STATE_REL))
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--seed", type=int, default=7000)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--out-root", default=ROOT)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)

    test_u8, test_y = load_split(args.data, "t10k")
    x_all = to_input(test_u8)
    y_all = torch.from_numpy(test_y.astype(np.int64))
    x, y = x_all[:SUBSET], y_all[:SUBSET]

    model = SmallResNet()
    model.load_state_dict(torch.load(args.state))
    model.eval()

    # (a) float accuracy, no hooks
    c2k = count_correct(model, x, y)
    c10k = count_correct(model, x_all, y_all)
    with torch.no_grad():
        logits8 = model(x_all[:8]).numpy().astype(np.float32)
    print("float accuracy: first 2000 %d/2000 = %.4f, all %d/10000 = %.4f"
          % (c2k, c2k / 2000, c10k, c10k / 10000), flush=True)

    # (b) default_fi
    fi = DefaultFi(model)
    print("injected modules (%d): %s" % (len(fi.names), ", ".join(fi.names)), flush=True)
    fi.golden = True
    cq = count_correct(model, x, y)
    fi.golden = False
    print("default_fi golden (quantized, no faults): %d/2000 = %.4f" % (cq, cq / 2000), flush=True)

    rows = []
    t0 = time.time()
    for i, ber in enumerate(BERS):
        fi.rate = BIT_WIDTH * ber
        accs, faults = [], []
        for r in range(args.repeats):
            fi.reseed(args.seed + 1000 * i + r)
            fi.faults = 0
            accs.append(count_correct(model, x, y) / SUBSET)
            faults.append(fi.faults)
        a = np.array(accs)
        std = a.std(ddof=1) if len(a) > 1 else 0.0
        rows.append((ber, fi.rate, a.mean(), std, a.min(), a.max(), len(a)))
        print("ber %-8s rate %-8s acc mean %.4f std %.4f min %.4f max %.4f  faults/run %.1f  (%.0fs)"
              % (fmt(ber), fmt(fi.rate), a.mean(), std, a.min(), a.max(), np.mean(faults),
                 time.time() - t0), flush=True)

    out_dir = os.path.join(args.out_root, TEST_RES)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, CSV_NAME), "w") as f:
        f.write("ber,rate,accuracy_mean,accuracy_std,accuracy_min,accuracy_max,repeats\n")
        for ber, rate, mean, std, lo, hi, n in rows:
            f.write("%s,%s,%.6f,%.6f,%.6f,%.6f,%d\n" % (fmt(ber), fmt(rate), mean, std, lo, hi, n))

    props = [
        "# Small Fashion-MNIST ResNet (tools/train/train_resnet.py), PyTorch float32, eval mode,",
        "# BatchNorm not folded. Written by tools/reference/resnet_reference_curve.py.",
        "# images_2000: first 2000 test images (the embedded subset); images_10000: full test set.",
        "images_2000=%.4f" % (c2k / 2000),
        "images_2000_correct=%d" % c2k,
        "images_10000=%.4f" % (c10k / 10000),
        "images_10000_correct=%d" % c10k,
        "# default_fi quantization (SymmericQuantization 16 bit, auto range, layerwise, copy-on-inject)",
        "# on every Conv2d/Linear input, no faults (golden run), first 2000 images, batch %d:" % BATCH,
        "default_fi_golden_2000=%.4f" % (cq / 2000),
        "default_fi_golden_2000_correct=%d" % cq,
        "torch_version=%s" % torch.__version__,
        "numpy_version=%s" % np.__version__,
        "# logits_i: float32 logits of test image i (PyTorch, unfolded BatchNorm), shortest repr;",
        "# labels_first8: the labels of those images.",
        "labels_first8=%s" % ",".join(str(int(v)) for v in test_y[:8]),
    ]
    for i in range(8):
        props.append("logits_%d=%s" % (i, ",".join(str(np.float32(v)) for v in logits8[i])))
    with open(os.path.join(out_dir, PROPS_NAME), "w") as f:
        f.write("\n".join(props) + "\n")
    print("wrote %s and %s" % (os.path.join(out_dir, CSV_NAME), os.path.join(out_dir, PROPS_NAME)))


if __name__ == "__main__":
    main()
