"""Oracle for kata 9.8 PredictionMonitor: SciPy's jensenshannon on the kata's smoothed histograms.

scipy.spatial.distance.jensenshannon returns the Jensen-Shannon *distance*, the square root of the
divergence (natural log by default): the script squares it. Mean shift and the ratio of population standard
deviations come from NumPy (np.std with ddof=0). Windows vary in size, shape (Beta distributions) and bins.
"""
import numpy as np
import scipy
from scipy.spatial.distance import jensenshannon

from javagen import double, string, vector, write_java


def smoothed_histogram(scores, bins):
    index = np.minimum(np.floor(scores * bins).astype(int), bins - 1)
    counts = np.bincount(index, minlength=bins)
    return (counts + 1) / (len(scores) + bins)


def main():
    rng = np.random.default_rng(20261122)
    windows = [
        ("same Beta(2,5), 200 vs 200, 10 bins", rng.beta(2, 5, 200), rng.beta(2, 5, 200), 10),
        ("Beta(2,5) drifts to Beta(5,2), 10 bins", rng.beta(2, 5, 300), rng.beta(5, 2, 300), 10),
        ("mild shift, 1000 vs 400, 20 bins", rng.beta(2, 3, 1000), rng.beta(2.6, 3, 400), 20),
        ("few scores, many bins", rng.uniform(0, 1, 7), rng.uniform(0, 1, 5), 50),
        ("one bin", rng.uniform(0, 1, 30), rng.beta(5, 1, 30), 1),
        ("confident classifier collapses to 0.5", rng.beta(0.3, 0.3, 500), rng.beta(30, 30, 500), 8),
        ("scores at the edges 0 and 1", np.array([0.0, 1.0, 1.0, 0.0, 0.5]), np.array([1.0, 1.0, 1.0, 0.99]), 4),
    ]
    cases = []
    for name, reference, current, bins in windows:
        p = smoothed_histogram(reference, bins)
        q = smoothed_histogram(current, bins)
        js = jensenshannon(p, q) ** 2
        cases.append(f"        new Case({string(name)},\n"
                     f"                {vector(reference)},\n"
                     f"                {vector(current)}, {bins},\n"
                     f"                {double(np.mean(current) - np.mean(reference))}, "
                     f"{double(np.std(current) / np.std(reference))}, {double(js)})")
    body = ("    record Case(String name, double[] reference, double[] current, int bins,\n"
            "                double meanShift, double stdRatio, double jsDivergence) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.production", "PredictionMonitorOracle",
               [("SciPy", scipy.__version__), ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
