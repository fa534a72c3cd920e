#!/usr/bin/env bash
# Tests for the mistake gallery's gate (tools/check/KataCheck.java mistakes), on temporary galleries and a
# temporary copy of the reference sources, so nothing in the repository changes. Needs the reference build
# and the test classpath, as .ci/run leaves them:
#   ./mvnw -q test-compile -Preference
#   ./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
#   bash tools/test/mistakes-gate-test.sh
set -euo pipefail

. "$(dirname "$0")/lib.sh"
cd "$top"
if [ ! -f target/test-classpath.txt ] || [ ! -d target/reference/test-classes ]; then
    echo "build the reference and the test classpath first (see the comment at the top of $0)" >&2
    exit 1
fi
CP=$(cat target/test-classpath.txt)
gate() { # gallery, sources, output file; the gate's exit code goes to output file .rc
    local rc=0
    java -cp "$CP" tools/check/KataCheck.java mistakes target/reference/classes target/reference/test-classes \
        "$1" "$2" >"$3" 2>&1 || rc=$?
    echo "$rc" >"$3.rc"
}

said() { # output file, fixed text: the gate's output has a line with that text
    grep -qF -- "$2" "$1"
}

gallery=reference/mistakes/mlkatas
softmax=reference/src/main/java/mlkatas/nn/Softmax.java

echo "the gate accepts"
# The reference gained two lines above every hunk since the diffs were made: they must still apply.
mkdir -p "$tmp/sources"
cp -R reference/src/main/java/. "$tmp/sources/"
awk 'NR == 2 { print "// a line added after the diff was made"; print "" } { print }' "$softmax" \
    >"$tmp/sources/mlkatas/nn/Softmax.java"
mkdir -p "$tmp/good/mlkatas/nn/Softmax" "$tmp/good/mlkatas/nn/Dropout"
cp "$gallery/nn/Softmax/NoMaxSubtraction.diff" "$tmp/good/mlkatas/nn/Softmax/"
cp "$gallery/nn/Dropout/ClassicDropout.diff" "$tmp/good/mlkatas/nn/Dropout/"
gate "$tmp/good" "$tmp/sources" "$tmp/good.out"
check "a gallery of caught mistakes" test "$(cat "$tmp/good.out.rc")" = 0
check "  ... a diff applies when the reference's lines have moved" \
    said "$tmp/good.out" "ok   Softmax/NoMaxSubtraction"
check "  ... a diff of three hunks applies when its header says why" \
    said "$tmp/good.out" "ok   Dropout/ClassicDropout"

echo "the gate rejects"
bad=$tmp/bad/mlkatas/nn
mkdir -p "$bad/Softmax" "$bad/Dropout"
# A context line of the diff that the reference no longer has: the first one of the first hunk.
awk '/^@@/ { hunk = 1 } hunk && !done && /^ ./ { print " // a line that is not in the reference"; done = 1; next }
     { print }' "$gallery/nn/Softmax/NoMaxSubtraction.diff" >"$bad/Softmax/ContextChanged.diff"
check "  (the test's diff really has a changed context line)" \
    grep -q '^ // a line that is not in the reference' "$bad/Softmax/ContextChanged.diff"
# A change the tests cannot see: a comment.
awk 'NR == 2 { print "// a comment, which no test can see" } { print }' "$softmax" >"$tmp/Commented.java"
{
    echo "Mistake: adds a comment, which no test can see"
    echo "Caught by: noMaxSubtraction"
    echo
    echo "--- a/$softmax"
    echo "+++ b/$softmax"
    { git diff --no-index --no-color -U3 -- "$softmax" "$tmp/Commented.java" || true; } | sed '1,/^+++ /d'
} >"$bad/Softmax/NotCaught.diff"
# A header without its Caught by line.
sed '/^Caught by:/d' "$gallery/nn/Softmax/SubtractsMinimum.diff" >"$bad/Softmax/NoCaughtBy.diff"
# Several hunks without a Hunks line, and a Hunks line that miscounts.
sed '/^Hunks:/d' "$gallery/nn/Dropout/ClassicDropout.diff" >"$bad/Dropout/ThreeHunksUnexplained.diff"
sed 's/^Hunks: 3/Hunks: 2/' "$gallery/nn/Dropout/ClassicDropout.diff" >"$bad/Dropout/HunksMiscounted.diff"
# A diff that applies but does not compile.
sed 's/^+\( *\)exponentials\[i\] = .*/+\1exponentials[i] = undefinedName;/' "$gallery/nn/Softmax/NoMaxSubtraction.diff" \
    >"$bad/Softmax/DoesNotCompile.diff"
# A diff made against a temporary file, whose +++ line does not name the reference class.
sed 's|^+++ .*|+++ b//tmp/Softmax.java|' "$gallery/nn/Softmax/SubtractsMinimum.diff" >"$bad/Softmax/OtherFile.diff"
# A full copy of a class instead of a diff.
tail -n +1 "$softmax" >"$bad/Softmax/FullCopy.java"
gate "$tmp/bad" reference/src/main/java "$tmp/bad.out"
check "a gallery with bad entries fails" test "$(cat "$tmp/bad.out.rc")" = 1
check "  ... a diff that no longer applies, by name" \
    said "$tmp/bad.out" "FAIL Softmax/ContextChanged"
check "  ... saying it does not apply, and which line is gone" \
    sh -c "grep -A1 'Softmax/ContextChanged' '$tmp/bad.out' | grep -q 'DOES NOT APPLY' \
        && grep -A2 'Softmax/ContextChanged' '$tmp/bad.out' | grep -qF 'no longer there: \"// a line that is not in the reference\"'"
check "  ... a diff whose named test passes, by name and misconception" \
    said "$tmp/bad.out" "FAIL Softmax/NotCaught"
check "  ... saying it was not caught" \
    sh -c "grep 'Softmax/NotCaught' '$tmp/bad.out' | grep -q 'NOT CAUGHT: all .* tests pass.*adds a comment'"
check "  ... a diff without its Caught by line" \
    sh -c "grep 'Softmax/NoCaughtBy' '$tmp/bad.out' | grep -q 'needs a line \"Caught by:'"
check "  ... a diff of three hunks that does not say why" \
    sh -c "grep 'Dropout/ThreeHunksUnexplained' '$tmp/bad.out' | grep -q 'changes 3 hunks.*Hunks: 3 - <why>'"
check "  ... a Hunks line that miscounts" \
    sh -c "grep 'Dropout/HunksMiscounted' '$tmp/bad.out' | grep -q 'says \"Hunks: 2\" but changes 3 hunks'"
check "  ... a full copy instead of a diff" \
    sh -c "grep 'FullCopy.java' '$tmp/bad.out' | grep -q 'only <Mistake>.diff files'"
check "  ... a diff of another file" \
    sh -c "grep 'Softmax/OtherFile' '$tmp/bad.out' | grep -q 'names the file /tmp/Softmax.java'"
check "  ... a diff that does not compile, with javac's message" \
    sh -c "grep -A1 'Softmax/DoesNotCompile' '$tmp/bad.out' | grep -q 'cannot find symbol'"
check "  ... and counts them" said "$tmp/bad.out" "8 problems"
echo "what the gate said about the bad gallery:"
sed 's/^/    /' "$tmp/bad.out"
if [ "$failed" -gt 0 ]; then
    echo "what the gate said about the good gallery:"
    sed 's/^/    /' "$tmp/good.out"
fi

finish "mistake gate"
