"""Oracle for kata 1.4 Pca: scikit-learn's PCA on data standardised by its StandardScaler.

scikit-learn computes the components from an SVD of the standardised data, the kata from an
eigendecomposition of their covariance: agreement means the same directions. The components are frozen
as scikit-learn returns them (its own sign convention), so the test compares them up to sign.
Cases vary the shape (tall, wide, k = d), the feature scales (1e-3 to 1e6), the offsets and include a
constant feature. Every case has well-separated leading eigenvalues, so its directions are well defined.
"""
import numpy as np
import sklearn
from sklearn.decomposition import PCA
from sklearn.preprocessing import StandardScaler

from javagen import matrix, string, write_java


def correlated(rng, m, d):
    """m samples of d features that share a few latent factors, so the spectrum is spread out."""
    latent = rng.normal(size=(m, d))
    mixing = rng.normal(size=(d, d)) * np.linspace(2.0, 0.3, d)[:, None]
    return latent @ mixing


def main():
    rng = np.random.default_rng(20261122)
    cases = []

    def add(name, x, k):
        z = StandardScaler().fit_transform(x)
        pca = PCA(n_components=k, svd_solver="full").fit(z)
        eigenvalues = np.sort(np.linalg.eigvalsh(np.cov(z, rowvar=False)))[::-1]
        top = eigenvalues[: min(k + 1, x.shape[1])]
        assert np.all(-np.diff(top) > 1e-3 * eigenvalues[0]), f"{name}: leading eigenvalues too close"
        cases.append(f"        new Case({string(name)}, {k},\n"
                     f"                {matrix(x)},\n"
                     f"                {matrix(pca.components_.T)})")

    add("3 features, 10 samples, k = 2", correlated(rng, 10, 3), 2)
    add("2 features, k = 2", correlated(rng, 8, 2), 2)
    add("5 features on scales from 1e-3 to 1e6, k = 3",
        correlated(rng, 30, 5) * np.array([1e-3, 1.0, 50.0, 1e4, 1e6]), 3)
    add("offsets of 1e4 and more, k = 2",
        correlated(rng, 15, 3) + np.array([1e4, -3e4, 2.5e5]), 2)
    add("8 features, 40 samples, k = d = 8", correlated(rng, 40, 8), 8)
    add("wide: 4 samples of 6 features, k = 2", correlated(rng, 4, 6), 2)
    with_constant = correlated(rng, 12, 4)
    with_constant[:, 2] = 7.5
    add("a constant feature among 4, k = 3", with_constant, 3)
    add("integer counts, 6 features, 25 samples, k = 4",
        rng.poisson(lam=[1, 3, 5, 8, 12, 20], size=(25, 6)).astype(float), 4)

    body = ("    record Case(String name, int k, double[][] data, double[][] components) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.algorithms", "PcaOracle",
               [("scikit-learn", sklearn.__version__), ("NumPy", np.__version__)], body, __file__)


if __name__ == "__main__":
    main()
