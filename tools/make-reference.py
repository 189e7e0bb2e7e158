#!/usr/bin/python3
"""Writes the workbook's data sets (data/*.csv) and the reference values the C
code is checked against (data/reference/). Maintainer-only: needs Debian's
python3-numpy and python3-sklearn; learners and CI never run it.

    /usr/bin/python3 tools/make-reference.py            # everything
    /usr/bin/python3 tools/make-reference.py gd pr      # only these modules

Run it from anywhere; it writes into the repository's data/ folder. Every
module in tools/reference/ (but common.py, the shared helpers) has a
generate(data_dir) function; they do not depend on each other. A rerun is
byte-identical.

NumPy 1.24 on a CPU with AVX-512 computes float64 exp, log, sin and cos with
its own vector kernels, which differ from the C library's in the last bit;
the references would then depend on the maintainer's CPU. The script turns
those kernels off before NumPy is imported, so NumPy uses the C library's
functions, like the C code does, on every machine.
"""

import importlib
import os
import sys
import warnings

AVX512 = ["AVX512F", "AVX512CD", "AVX512_SKX", "AVX512_CLX", "AVX512_CNL", "AVX512_ICL"]
os.environ["NPY_DISABLE_CPU_FEATURES"] = " ".join(AVX512)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # NumPy warns when the CPU lacks them: nothing to turn off then
    from numpy.core._multiarray_umath import __cpu_features__

TOOLS = os.path.dirname(os.path.abspath(__file__))
# every module of tools/reference/ but the shared helpers, in name order
MODULES = sorted(name[:-3] for name in os.listdir(os.path.join(TOOLS, "reference"))
                 if name.endswith(".py") and name not in ("__init__.py", "common.py"))


def main(argv):
    names = argv[1:] or MODULES
    unknown = [n for n in names if n not in MODULES]
    if unknown:
        sys.stderr.write(f"make-reference.py: unknown module(s) {', '.join(unknown)}; "
                         f"known: {' '.join(MODULES)}\n")
        return 2
    assert not any(__cpu_features__.get(f) for f in AVX512), "NumPy's AVX-512 kernels are still on"
    sys.dont_write_bytecode = True  # keep tools/reference/ free of __pycache__
    sys.path.insert(0, TOOLS)
    data_dir = os.path.join(os.path.dirname(TOOLS), "data")
    for name in names:
        print(f"make-reference.py: {name}", flush=True)
        importlib.import_module(f"reference.{name}").generate(data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
