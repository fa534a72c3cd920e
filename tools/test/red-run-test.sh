#!/usr/bin/env bash
# Tests the end of a red Maven run as a learner sees it, against a temporary clone: a textbook softmax gives a
# short report with its misconception near the end, and a softmax whose loop never ends stops by itself.
#   bash tools/test/red-run-test.sh
set -euo pipefail

. "$(dirname "$0")/lib.sh"

clone_repo
check_context=$tmp/out
stub=src/main/java/mlkatas/nn/Softmax.java
reference=reference/src/main/java/mlkatas/nn/Softmax.java

# The textbook formula: no max subtraction, no argument checks.
cat >"$stub" <<'JAVA'
package mlkatas.nn;

public final class Softmax {

    private Softmax() {
    }

    public static double[] softmax(double[] scores) {
        double sum = 0;
        for (double s : scores) {
            sum += Math.exp(s);
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i]) / sum;
        }
        return p;
    }

    public static double[][] softmaxRows(double[][] scores) {
        double[][] out = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            out[i] = softmax(scores[i]);
        }
        return out;
    }
}
JAVA

echo "a red run of the textbook softmax (./mvnw -q test -Dtest=SoftmaxTest)"
status=0
./mvnw -q test -Dtest=SoftmaxTest >"$tmp/out" 2>&1 || status=$?
check "fails" test "$status" -ne 0
check "prints at most 80 lines" test "$(wc -l <"$tmp/out")" -le 80
check "the first failing test comes with its message" \
    grep -q '^First failing test: Examples > \[1000, 1001\]' "$tmp/out"
check "the overflow misconception is within the last 40 lines" \
    sh -c "tail -n 40 '$tmp/out' | grep -q 'no max subtraction: e^1000 overflows'"
check "no failure is printed twice" test "$(grep -c 'softmax(\[1000, 1001\]) is not finite' "$tmp/out")" -eq 1
check "no stack frame of JUnit, AssertJ or QuickTheories" \
    sh -c "! grep -E 'at org\.(junit|assertj|quicktheories)' '$tmp/out'"
check "the board comes last" sh -c "grep -v '^$' '$tmp/out' | tail -n 1 | grep -q '^Next up: '"

# A loop that never ends: i never moves.
sed 's/for (int i = 0; i < scores.length; i++) {/for (int i = 0; i < scores.length; i = i * 1) {/' "$reference" >"$stub"
echo "a softmax that loops forever"
start=$(date +%s)
status=0
./mvnw -q test -Dtest=SoftmaxTest >"$tmp/out" 2>&1 || status=$?
elapsed=$(($(date +%s) - start))
check "the run ends by itself, red" test "$status" -ne 0
check "within 90 s (took ${elapsed} s)" test "$elapsed" -le 90
check "says the test did not finish and points at the loop" \
    sh -c "grep -q 'did not finish within 10 s: an endless loop?' '$tmp/out' && grep -q 'your code was still running at Softmax\.' '$tmp/out'"
check "and ends with the board" sh -c "grep -v '^$' '$tmp/out' | tail -n 1 | grep -q '^Next up: '"

finish "red runs"
