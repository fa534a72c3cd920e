"""Oracle for kata 3.1 KFold: scikit-learn's KFold(shuffle=False), index for index.

Cases cover n divisible by k and every kind of remainder, k = 2, k = n (leave-one-out) and larger n.
"""
import sklearn
from sklearn.model_selection import KFold

from javagen import string, write_java


def int_matrix(rows):
    return "new int[][] {" + ", ".join("{" + ", ".join(str(int(x)) for x in row) + "}" for row in rows) + "}"


def main():
    cases = []
    for n, k in [(2, 2), (5, 2), (6, 3), (7, 3), (10, 4), (11, 5), (13, 6), (9, 9), (20, 7), (50, 10),
                 (101, 8), (37, 36)]:
        tests, trains = [], []
        for train, test in KFold(n_splits=k, shuffle=False).split(range(n)):
            trains.append(train)
            tests.append(test)
        cases.append(f"        new Case({string(f'n={n}, k={k}')}, {n}, {k},\n"
                     f"                {int_matrix(tests)},\n"
                     f"                {int_matrix(trains)})")
    body = ("    record Case(String name, int nSamples, int k, int[][] tests, int[][] trains) {\n"
            "        @Override\n"
            "        public String toString() {\n"
            "            return name;\n"
            "        }\n"
            "    }\n\n"
            "    static final Case[] CASES = {\n" + ",\n".join(cases) + "\n    };\n")
    write_java("mlkatas.evaluation", "KFoldOracle", [("scikit-learn", sklearn.__version__)], body, __file__)


if __name__ == "__main__":
    main()
