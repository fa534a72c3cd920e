#!/usr/bin/env bash
# Tests for tools/reference-branch, tools/kata and tools/mistake-diff, run against a temporary clone of this
# repository.
#   bash tools/test/kata-scripts-test.sh
set -euo pipefail

. "$(dirname "$0")/lib.sh"

clone_repo
# Test the scripts as they are in the working tree, not as last committed.
cp "$top/tools/kata" "$top/tools/reference-branch" "$top/tools/mistake-diff" tools/
git add tools/kata tools/reference-branch tools/mistake-diff
git -c user.name=t -c user.email=t@t commit -qm "scripts under test" --allow-empty
git config user.name "Learner"
git config user.email "learner@example.com"

stub=src/main/java/mlkatas/algorithms/LinearRegression.java
original=$(git show "HEAD:$stub")
reference=$(git show "HEAD:reference/$stub")

echo "tools/reference-branch"
echo "// my attempt" >> "$stub"
echo "// staged elsewhere" >> README.md 2>/dev/null || echo "// staged elsewhere" > README.md
git add README.md
status_before=$(git status --porcelain)
diff_before=$(git diff; git diff --cached)
check "creates the branch" tools/reference-branch
check "leaves the working tree and the index untouched" \
    test "$status_before$diff_before" = "$(git status --porcelain)$(git diff; git diff --cached)"
check "the branch holds reference/src/main/java as src/main/java" \
    test "$(git rev-parse reference:src/main/java)" = "$(git rev-parse HEAD:reference/src/main/java)"
check "the branch's parent is HEAD" test "$(git rev-parse reference^)" = "$(git rev-parse HEAD)"
check "everything outside src/main/java is HEAD's" \
    test -z "$(git diff --name-only HEAD reference -- . ':!src/main/java')"
first=$(git rev-parse reference)
check "is idempotent" tools/reference-branch
check "a second run gives the same commit" test "$first" = "$(git rev-parse reference)"
check "git diff reference -- <stub> shows the reference" sh -c "git diff reference -- $stub | grep -q 'design.operate'"
git stash -q
git commit -q --allow-empty -m "learner commit"
check "follows a new HEAD" tools/reference-branch
check "the updated branch sits on the new HEAD" test "$(git rev-parse reference^)" = "$(git rev-parse HEAD)"
git stash pop -q

echo "tools/kata"
git checkout -q -- "$stub"
git reset -q
git checkout -q -- README.md 2>/dev/null || rm -f README.md
printf 'package mlkatas.algorithms;\n// solved\n' > "$stub"
git commit -qam "my LinearRegression"
check "reset restores the original stub after committed work" tools/kata reset LinearRegression
check "  ... with the original content" test "$(cat "$stub")" = "$original"
check "  ... touching no other file" test "$(git status --porcelain)" = " M $stub"
check "  ... and staging nothing" git diff --cached --quiet
echo "// more work" >> "$stub"
check "reset refuses to discard uncommitted changes" sh -c "! tools/kata reset LinearRegression"
check "  ... and leaves the file as it was" grep -q "more work" "$stub"
check "reset --force discards them" tools/kata reset LinearRegression --force
check "  ... with the original content" test "$(cat "$stub")" = "$original"
git checkout -q -- "$stub"
check "reference loads the reference solution" tools/kata reference LinearRegression
check "  ... with the reference content" test "$(cat "$stub")" = "$reference"
check "reference refuses to overwrite uncommitted changes" sh -c "! tools/kata reference LinearRegression"
check "reference --force overwrites them" tools/kata reference LinearRegression --force
check "an unknown kata is an error" sh -c "! tools/kata reset NoSuchKata"

echo "tools/kata mistakes"
git checkout -q -- "$stub"
gallery=reference/mistakes/mlkatas/nn/Softmax
check "shows Softmax's gallery" sh -c "tools/kata mistakes Softmax > '$tmp/mistakes'"
check "  ... every mistake by name and misconception" sh -c "for diff in $gallery/*.diff; do
        grep -qxF \"== \$(basename \$diff .diff): \$(sed -n 's/^Mistake: //p' \$diff)\" '$tmp/mistakes' || exit 1
    done"
check "  ... each with its diff" sh -c "for diff in $gallery/*.diff; do
        sed -n '/^@@/,\$p' \$diff | while IFS= read -r line; do grep -qxF -- \"\$line\" '$tmp/mistakes' || exit 1; done || exit 1
    done"
check "  ... and the test that catches it" grep -qxF \
    'Caught by SoftmaxTest > Mistakes > noMaxSubtraction: "no max subtraction: e^1000 overflows, so subtract the largest score first"' \
    "$tmp/mistakes"
check "  ... one test line per mistake" \
    test "$(grep -c '^Caught by SoftmaxTest > ' "$tmp/mistakes")" = "$(ls $gallery/*.diff | wc -l)"
check "  ... without colour when the output is not a terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$tmp/mistakes'"
check "  ... touching no file" test -z "$(git status --porcelain)"
git config color.diff always
check "  ... in colour where git colours diffs" sh -c "tools/kata mistakes Softmax | grep -qF \"\$(printf '\\033[31m-')\""
git config --unset color.diff
check "a kata without a gallery entry is an error" sh -c "! tools/kata mistakes NoSuchKata"

echo "tools/mistake-diff"
# Make a gallery mistake again in a copy of the reference: the script must write the same diff.
for mistake in nn/Softmax/NoMaxSubtraction nn/Dropout/ClassicDropout; do
    diff=reference/mistakes/mlkatas/$mistake.diff
    class=$(sed -n 's|^--- a/||p' "$diff")
    mkdir -p "$tmp/copy/$(dirname "$class")"
    cp "$class" "$tmp/copy/$class"
    (cd "$tmp/copy" && GIT_CEILING_DIRECTORIES="$tmp" git apply "$tmp/repo/$diff")
    { sed -n '/^--- /q; /^$/d; s|^|// |p' "$diff"; cat "$tmp/copy/$class"; } > "$tmp/Edited.java"
    # Hunk line numbers move whenever the reference class changes above a hunk; the gate allows that.
    sed 's/^@@ -[0-9,]* +[0-9,]* @@/@@/' "$diff" > "$tmp/stored.diff"
    rm "$diff"
    check "writes $mistake.diff again from an edited copy" \
        tools/mistake-diff "$(basename "$(dirname "$mistake")")" "$(basename "$mistake")" "$tmp/Edited.java"
    check "  ... with the same content" sh -c "sed 's/^@@ -[0-9,]* +[0-9,]* @@/@@/' '$diff' | cmp -s - '$tmp/stored.diff'"
    git checkout -q -- "$diff"
done
sed 1d "$tmp/Edited.java" > "$tmp/NoHeader.java"
check "refuses a copy without its Mistake line" sh -c "! tools/mistake-diff Dropout Foo '$tmp/NoHeader.java'"
check "refuses a copy that changes nothing" sh -c "{ echo '// Mistake: none'; echo '// Caught by: x';
    cat reference/src/main/java/mlkatas/nn/Dropout.java; } > '$tmp/Same.java' && ! tools/mistake-diff Dropout Foo '$tmp/Same.java'"
check "  ... and writes nothing" test -z "$(git status --porcelain)"

finish "learner scripts"
