#!/usr/bin/python3
"""Write small NPY / NPZ files, made by NumPy itself, for the Java codec's tests.

How to run (from the repository root; needs only NumPy):

    /usr/bin/python3 tools/train/make_npy_samples.py

Output folder: nn/src/test/resources/dev/mrfi/nn/npy-samples/ (emptied of *.npy, *.npz and
manifest.json first). Besides the sample files it writes manifest.json, which lists for each file
its dtype (NumPy's descr string, e.g. "<f4"), shape, memory order ("C" or "F"), the NPY format
version, and the values as plain JSON in C (row-major) order, flattened; for an .npz, the same
per member. Floats that JSON cannot hold are written as the strings "nan", "inf" and "-inf".
Float values are listed as the exact value of the stored number, printed as a Python float
(float16/float32 are widened to float64 first, which is exact).

The outputs are byte-for-byte reproducible: the values are fixed and np.savez stamps zip members
with the fixed date 1980-01-01.
"""

import argparse
import json
import math
import os
import shutil
import sys

import numpy as np

OUT_DIR = os.path.join("nn", "src", "test", "resources", "dev", "mrfi", "nn", "npy-samples")


def json_values(arr):
    """Flatten in C order and convert to JSON-safe Python values."""
    flat = np.asarray(arr).reshape(-1, order="C")
    out = []
    for v in flat.tolist():
        if isinstance(v, float):
            if math.isnan(v):
                out.append("nan")
            elif math.isinf(v):
                out.append("inf" if v > 0 else "-inf")
            else:
                out.append(v)
        else:
            out.append(v)
    return out


def describe(arr):
    arr = np.asarray(arr)
    fortran = arr.ndim > 1 and arr.flags.f_contiguous and not arr.flags.c_contiguous
    return {
        "dtype": arr.dtype.str,
        "shape": list(arr.shape),
        "order": "F" if fortran else "C",
        "values": json_values(arr),
    }


def samples():
    """(file name, array) pairs for the single-array .npy samples, in manifest order."""
    f4_c = np.array([[1.5, -2.25, 3.0], [0.0, -0.0, 1e-3]], dtype=np.float32)
    f8_f = np.asfortranarray(np.array([[1.0, 4.0], [2.0, 5.0], [3.0, -6.5]], dtype=np.float64))
    assert f8_f.flags.f_contiguous and not f8_f.flags.c_contiguous
    with np.errstate(over="ignore"):
        f2 = np.array([0.0, 1.0, -2.0, 65504.0, 6e-8, np.inf, np.nan], dtype=np.float16)
    return [
        ("float32_c_2x3.npy", f4_c),
        ("float64_f_3x2.npy", f8_f),
        ("float16_specials.npy", f2),
        ("int8_5.npy", np.array([-128, -1, 0, 1, 127], dtype=np.int8)),
        ("int16_2x2.npy", np.array([[-32768, -2], [3, 32767]], dtype=np.int16)),
        ("int32_4.npy", np.array([-2147483648, -7, 8, 2147483647], dtype=np.int32)),
        ("int64_3.npy", np.array([-9223372036854775808, 42, 9223372036854775807], dtype=np.int64)),
        ("uint8_2x3.npy", np.array([[0, 1, 127], [128, 200, 255]], dtype=np.uint8)),
        ("scalar_f8_0d.npy", np.array(3.25, dtype=np.float64)),
        ("big_endian_f4_3.npy", np.array([1.0, -0.5, 1024.0], dtype=">f4")),
    ]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-root", default=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")))
    args = ap.parse_args(argv)
    out = os.path.join(args.out_root, OUT_DIR)
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if name.endswith((".npy", ".npz")) or name == "manifest.json":
            os.remove(os.path.join(out, name))

    manifest = {
        "generator": "tools/train/make_npy_samples.py",
        "numpy": np.__version__,
        "note": "values are flattened in C (row-major) order whatever the file's order; "
                "non-finite floats are the strings nan, inf, -inf",
        "files": [],
    }

    for name, arr in samples():
        np.save(os.path.join(out, name), arr, allow_pickle=False)
        manifest["files"].append(dict(file=name, kind="npy", version=[1, 0], **describe(arr)))

    # Version 2.0 header: 4-byte little-endian header length instead of 2 bytes.
    v2 = np.arange(12, dtype=np.float32).reshape(3, 4) / np.float32(4.0)
    with open(os.path.join(out, "float32_v2_3x4.npy"), "wb") as f:
        np.lib.format.write_array(f, v2, version=(2, 0), allow_pickle=False)
    manifest["files"].append(dict(file="float32_v2_3x4.npy", kind="npy", version=[2, 0], **describe(v2)))

    # Two-array archives, stored (np.savez) and deflated (np.savez_compressed).
    members = {
        "weights": np.array([[0.5, -1.0, 2.0], [4.0, -8.0, 16.0]], dtype=np.float32),
        "labels": np.array([3, 1, 4, 1, 5, 9], dtype=np.int64),
    }
    for name, writer, compression in [("two_arrays_stored.npz", np.savez, "stored"),
                                      ("two_arrays_deflated.npz", np.savez_compressed, "deflated")]:
        writer(os.path.join(out, name), **members)
        manifest["files"].append({
            "file": name,
            "kind": "npz",
            "compression": compression,
            "members": [dict(name=k + ".npy", version=[1, 0], **describe(v)) for k, v in members.items()],
        })

    # Self-check: every file reads back through NumPy to the values in the manifest.
    for entry in manifest["files"]:
        path = os.path.join(out, entry["file"])
        if entry["kind"] == "npy":
            got = np.load(path, allow_pickle=False)
            assert describe(got) == {k: entry[k] for k in ("dtype", "shape", "order", "values")}, entry["file"]
        else:
            with np.load(path, allow_pickle=False) as z:
                for m in entry["members"]:
                    got = describe(z[m["name"][:-4]])
                    assert got == {k: m[k] for k in ("dtype", "shape", "order", "values")}, (entry["file"], m["name"])

    # One line per file entry keeps the manifest short and easy to read in a diff.
    files = manifest.pop("files")
    lines = ["{"] + ['  %s: %s,' % (json.dumps(k), json.dumps(v)) for k, v in manifest.items()]
    lines.append('  "files": [')
    lines += ["    %s%s" % (json.dumps(e), "," if i + 1 < len(files) else "") for i, e in enumerate(files)]
    lines += ["  ]", "}"]
    text = "\n".join(lines) + "\n"
    assert json.loads(text)["files"] == files
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        f.write(text)
    for name in sorted(os.listdir(out)):
        print("%8d  %s" % (os.path.getsize(os.path.join(out, name)), os.path.join(OUT_DIR, name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
