"""Oracle for kata 1.3 KMeans: scikit-learn's Lloyd iteration from given initial centroids.

KMeans(init=<the initial centroids>, n_init=1, algorithm="lloyd", tol=0, max_iter=<maxIterations>) runs the
same algorithm as the kata as long as no cluster ever becomes empty (scikit-learn then moves the empty
centroid to a far-away point, while the kata keeps it in place). Every case is therefore replayed here in
NumPy first, which rejects draws with an empty cluster at any iteration and checks that scikit-learn agrees.
"""
import numpy as np
import sklearn
from sklearn.cluster import KMeans

from javagen import matrix, string, write_java


def lloyd(points, centroids, max_iterations):
    """The kata's algorithm; returns the centroids, the number of updates, and whether a cluster was empty."""
    centroids = centroids.copy()
    empty = False
    for iteration in range(1, max_iterations + 1):
        distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
        labels = distances.argmin(axis=1)  # ties to the lowest index
        updated = centroids.copy()
        for j in range(len(centroids)):
            members = points[labels == j]
            if len(members) == 0:
                empty = True
            else:
                updated[j] = members.mean(axis=0)
        moved = not np.array_equal(updated, centroids)
        centroids = updated
        if not moved:
            return centroids, iteration, empty
    return centroids, max_iterations, empty


def blobs(rng, m, d, k, spread, scale, offset):
    centers = rng.uniform(-1, 1, size=(k, d)) * scale
    members = rng.integers(0, k, size=m)
    return offset + centers[members] + rng.normal(0, spread * scale, size=(m, d))


def main():
    rng = np.random.default_rng(20261122)
    cases = []
    for name, m, d, k, spread, scale, offset, max_iterations, init_from_points in [
        ("two blobs in 2-D, converged", 20, 2, 2, 0.15, 5.0, 0.0, 100, False),
        ("three blobs in 3-D", 30, 3, 3, 0.2, 10.0, 0.0, 100, True),
        ("five overlapping clusters in 2-D", 60, 2, 5, 0.6, 3.0, 0.0, 300, True),
        ("one iteration only", 25, 2, 3, 0.5, 2.0, 0.0, 1, True),
        ("two iterations, not yet converged", 40, 2, 4, 0.7, 2.0, 0.0, 2, True),
        ("one dimension", 15, 1, 3, 0.3, 4.0, 0.0, 50, True),
        ("ten dimensions", 40, 10, 4, 0.3, 3.0, 0.0, 100, True),
        ("coordinates around 1e6", 30, 2, 3, 0.4, 10.0, 1e6, 100, True),
        ("coordinates around 1e-3", 30, 3, 3, 0.4, 1e-3, 0.0, 100, True),
        ("k = 1", 12, 2, 1, 1.0, 1.0, 0.0, 10, False),
        ("as many centroids as points", 6, 2, 6, 1.0, 1.0, 0.0, 10, True),
    ]:
        while True:
            points = blobs(rng, m, d, k, spread, scale, offset)
            if init_from_points:
                init = points[rng.choice(m, size=k, replace=False)]
            else:
                init = offset + rng.uniform(-1, 1, size=(k, d)) * scale
            replay, iterations, empty = lloyd(points, init, max_iterations)
            stops_early = iterations < max_iterations
            wanted_early = "not yet converged" not in name and max_iterations > 1
            if not empty and stops_early == wanted_early:
                break
        model = KMeans(n_clusters=k, init=init, n_init=1, algorithm="lloyd", tol=0, max_iter=max_iterations)
        model.fit(points)
        centroids = model.cluster_centers_
        assert np.allclose(centroids, replay, rtol=1e-12, atol=1e-9 * max(1.0, np.abs(replay).max())), name
        cases.append(f"        new Case({string(name)},\n"
                     f"                {matrix(points)},\n"
                     f"                {matrix(init)}, {max_iterations},\n"
                     f"                {matrix(centroids)})")
    body = ("    record Case(String name, double[][] points, double[][] initialCentroids, int maxIterations,\n"
            "                double[][] centroids) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.algorithms", "KMeansOracle",
               [("scikit-learn", sklearn.__version__), ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
