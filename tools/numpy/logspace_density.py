"""Writes numpy's logspace_density values (the reference's helper) for ExperimentToolkitTest.

Run with /usr/bin/python3 from the repository root; the output is committed.
"""
import json

import numpy as np


def logspace_density(low, high, density):
    return np.logspace(low, high, density * (high - low) + 1)


cases = [(-8, -4, 3), (-3, 0, 1), (-6, -2, 5), (-10, -1, 2), (-7, -5, 10)]
out = [{"low": l, "high": h, "density": d, "values": [float.hex(float(v)) for v in logspace_density(l, h, d)]}
       for (l, h, d) in cases]
with open("golden-tests/src/test/resources/dev/mrfi/golden/toolkit/logspace-density-numpy.json", "w") as f:
    json.dump({"generator": "numpy " + np.__version__ + " logspace(low, high, density*(high-low)+1)", "cases": out},
              f, indent=1)
