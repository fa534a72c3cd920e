"""Writes oracle values as Java source, so the Maven build never needs Python.

Every generator script under tools/oracles/ computes expected values with a real library and calls
write_java() to freeze them into src/test/java/<package>/<Kata>Oracle.java. The file's header names the
script, the libraries and their versions. Doubles are written with repr(), which round-trips exactly.
"""
import math
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def double(x):
    x = float(x)
    if math.isnan(x):
        return "Double.NaN"
    if math.isinf(x):
        return "Double.POSITIVE_INFINITY" if x > 0 else "Double.NEGATIVE_INFINITY"
    return repr(x)


def vector(v):
    return "new double[] {" + ", ".join(double(x) for x in v) + "}"


def matrix(m):
    return "new double[][] {" + ", ".join("{" + ", ".join(double(x) for x in row) + "}" for row in m) + "}"


def tensor3(t):
    return "new double[][][] {" + ", ".join(
        "{" + ", ".join("{" + ", ".join(double(x) for x in row) + "}" for row in plane) + "}" for plane in t) + "}"


def tensor4(t):
    return "new double[][][][] {" + ", ".join(tensor3(s)[len("new double[][][] "):] for s in t) + "}"


def ints(v):
    return "new int[] {" + ", ".join(str(int(x)) for x in v) + "}"


def string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_java(package, class_name, libraries, body, script):
    """Writes <package>/<class_name>.java under src/test/java.

    libraries: list of (name, version) pairs, e.g. [("NumPy", numpy.__version__)].
    body: the class body (fields and records), already indented by four spaces.
    script: __file__ of the generator.
    """
    script_rel = pathlib.Path(script).resolve().relative_to(ROOT)
    libs = ", ".join(f"{name} {version}" for name, version in libraries)
    python = f"Python {sys.version_info.major}.{sys.version_info.minor}.{sys.version_info.micro}"
    text = (
        f"// GENERATED FILE, do not edit. Oracle values computed with {libs} ({python}).\n"
        f"// Regenerate: /usr/bin/python3 {script_rel}\n"
        f"package {package};\n\n"
        f"/** Expected values from {libs}, frozen by {script_rel}. */\n"
        f"final class {class_name} {{\n\n"
        f"    private {class_name}() {{\n    }}\n\n"
        f"{body.rstrip()}\n"
        f"}}\n"
    )
    path = ROOT / "src/test/java" / package.replace(".", "/") / f"{class_name}.java"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}")
