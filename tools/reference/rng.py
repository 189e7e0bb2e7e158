"""rng-seed0.txt and rng-seed42.txt: NumPy's legacy RandomState streams, to
check the C generator draw by draw."""

import numpy as np

from . import common

SEEDS = (0, 42)

# key -> one call on a fresh RandomState(seed), as Python source (rs is the RandomState)
DRAWS = {
    "words": "rs.randint(0, 2**32, size=1000, dtype=np.uint32)",
    "uniform": "rs.random_sample(1000)",
    "normal": "rs.standard_normal(1000)",
    "randint3": "rs.randint(3, size=100)",
    "randint1000": "rs.randint(1000, size=100)",
    "shuffle10": "a = np.arange(10); rs.shuffle(a); a",
    "permutation50": "rs.permutation(50)",
    "mixed": "[rs.normal(), rs.random_sample(), rs.normal(), rs.normal(), rs.randint(7)]",
}


def draw(seed, source):
    """Runs source on a fresh RandomState(seed); the value of its last statement."""
    env = {"np": np, "rs": np.random.RandomState(seed)}
    *statements, last = source.split("; ")
    for statement in statements:
        exec(statement, env)
    return eval(last, env)


def generate(data_dir):
    for seed in SEEDS:
        words = draw(seed, DRAWS["words"])
        # randint over the full uint32 range returns each raw (tempered) MT19937 word unchanged;
        # cross-check against the bit generator's own raw output
        assert np.array_equal(words, np.random.RandomState(seed)._bit_generator.random_raw(1000))
        ref = common.Reference(
            f"rng-seed{seed}.txt", "rng", f"NumPy RandomState({seed}) streams",
            "Each key is one call on a fresh rs = np.random.RandomState(" + str(seed) + "):\n"
            + "".join(f"  {key}: {source}\n" for key, source in DRAWS.items())
            + "words are the raw 32-bit outputs of MT19937 (randint over the full uint32 range uses one\n"
            "word per draw unchanged; checked against rs._bit_generator.random_raw(1000)).\n"
            "The 1000-value keys are split into KEY.0 .. KEY.9 of 100 values each.\n"
            "mixed: normal, random_sample, normal, normal, randint(7) on one RandomState: the second\n"
            "normal is the Gaussian cached by the first (the uniform draw between does not clear it).")
        ref.put("seed", seed)
        for key, source in DRAWS.items():
            values = draw(seed, source)
            if np.size(values) > 100:
                ref.put_split(key, values)
            else:
                ref.put(key, values)
        ref.write(data_dir)
