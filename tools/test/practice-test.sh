#!/usr/bin/env bash
# Tests the practice commands of tools/kata (hint, interview, restore, answers, board) against a temporary clone:
# a mock interview of a kata with a committed solution, restore giving it back byte for byte, refusal over
# uncommitted changes, the end of an interview when the tests go green, the katas due for review after simulated
# dates (KATAS_NOW sets the clock), and an old or damaged .kata-progress.
#   bash tools/test/practice-test.sh
set -euo pipefail

. "$(dirname "$0")/lib.sh"

# Test the working tree's scripts and support classes, not the last commit's.
clone_repo src/test tools pom.xml .mvn katas.md hints
git add -A
git -c user.name=t -c user.email=t@t commit -qm "practice tools under test" --allow-empty
git config user.name "Learner"
git config user.email "learner@example.com"

stub=src/main/java/mlkatas/nn/Softmax.java
original=$tmp/original-stub
git show "HEAD:$stub" >"$original"
day0=2026-03-02T09:00:00Z

echo "tools/kata hint"
check "the first call shows tier 1" sh -c "tools/kata hint Softmax | grep -q '^Hint 1 of 3 for 4.6 Softmax: Nudge'"
check "the second tier 2" sh -c "tools/kata hint Softmax | grep -q '^Hint 2 of 3 for 4.6 Softmax: Key rule'"
check "the third tier 3" sh -c "tools/kata hint Softmax | grep -q '^Hint 3 of 3 for 4.6 Softmax: Shape'"
check "then it says all tiers are shown" sh -c "tools/kata hint Softmax | grep -q '^All 3 hint tiers'"
check "the progress file counts the tiers" grep -q '^Softmax.hints=3$' .kata-progress
check "an unknown kata is an error" sh -c "! tools/kata hint NoSuchKata"

echo "tools/kata interview"
# A committed solution with CRLF line ends, a trailing space and no final newline: restore must keep every byte.
printf 'package mlkatas.nn;\r\n// my softmax \r\npublic final class Softmax {}' >"$stub"
git commit -qam "my Softmax"
cp "$stub" "$tmp/solution"
echo "// unsaved work" >>"$stub"
check "refuses to start over uncommitted changes" sh -c "! tools/kata interview Softmax"
check "  ... leaving the file as it was" grep -q "unsaved work" "$stub"
check "  ... and saving nothing" sh -c "! git rev-parse --quiet --verify refs/katas/saved/Softmax"
git checkout -q -- "$stub"
KATAS_NOW=$day0 tools/kata interview Softmax >"$tmp/interview" 2>&1 || true
check "starts on a kata with a committed solution" grep -q "^Mock interview: 4.6 Softmax" "$tmp/interview"
check "  ... printing its statement" grep -q "^### 4.6 Softmax" "$tmp/interview"
check "  ... without the pitfalls, gallery or follow-ups" \
    sh -c "! grep -q -e '^\*\*Pitfalls' -e '^\*\*Mistake gallery' -e '^\*\*Interview follow-ups' '$tmp/interview'"
check "  ... putting the original stub in place" cmp "$original" "$stub"
check "  ... touching no other file and staging nothing" \
    sh -c "test \"\$(git status --porcelain)\" = ' M $stub' && git diff --cached --quiet"
check "  ... keeping the solution in refs/katas/saved/Softmax" \
    sh -c "git cat-file blob refs/katas/saved/Softmax:$stub | cmp - '$tmp/solution'"
check "  ... and leaving HEAD and the stash alone" \
    sh -c "test \"\$(git log -1 --format=%s)\" = 'my Softmax' && test -z \"\$(git stash list)\""
check "  ... with the clock started" grep -q "^Softmax.interview.started=2026-03-02T09" .kata-progress
check "  ... and hints counted afresh" sh -c "! grep -q '^Softmax.hints=' .kata-progress"
check "a second interview of it refuses (the attempt is uncommitted work)" sh -c "! tools/kata interview Softmax"

echo "tools/kata restore"
echo "// my interview attempt" >>"$stub"
cp "$stub" "$tmp/attempt"
check "restore succeeds" tools/kata restore Softmax
check "  ... giving the saved solution back byte for byte" cmp "$tmp/solution" "$stub"
check "  ... keeping the interview attempt in refs/katas/attempts/Softmax" \
    sh -c "git cat-file blob refs/katas/attempts/Softmax:$stub | cmp - '$tmp/attempt'"
check "  ... and closing the interview unrecorded" \
    sh -c "! grep -q -e '^Softmax.interview' -e '^Softmax.attempt' .kata-progress"
check "restore with nothing saved is an error" sh -c "! tools/kata restore Adam"
check "  ... that leaves the file alone" git diff --quiet -- src/main/java/mlkatas/optim/Adam.java

echo "a mock interview that goes green"
git show "HEAD~1:$stub" >"$stub"
git commit -qam "Softmax back to the stub"
KATAS_NOW=$day0 tools/kata interview Softmax >/dev/null
cp "reference/$stub" "$stub"
KATAS_NOW=2026-03-02T09:12:30Z ./mvnw -q test -Dtest=SoftmaxTest >"$tmp/green" 2>&1 || true
check "the run that goes green prints the time taken" \
    grep -q "^Mock interview of 4.6 Softmax: green in 12 min, no hints; next review in 1 day" "$tmp/green"
check "  ... and two follow-up questions" \
    sh -c "grep -q '^  1\. ' '$tmp/green' && grep -q '^  2\. ' '$tmp/green' && ! grep -q '^  3\. ' '$tmp/green'"
check "  ... without their answers" sh -c "! grep -q 'cancels between numerator' '$tmp/green'"
check "  ... recording the attempt (date, minutes, hints)" \
    grep -q '^Softmax.attempt.1=2026-03-02T09\\:12\\:30Z 12 0 interview$' .kata-progress
check "answers shows the answers" sh -c "tools/kata answers Softmax | grep -q 'cancels between numerator'"
git commit -qam "my Softmax, green"

echo "the katas due for review (simulated dates)"
check "the next day before the review time: nothing is due" \
    sh -c "KATAS_NOW=2026-03-03T08:00:00Z tools/kata board >'$tmp/board' && ! grep -q 'Due for review' '$tmp/board'"
check "  ... and interview picks the first kata not started" \
    sh -c "test \"\$(KATAS_NOW=2026-03-03T08:00:00Z tools/kata interview 2>&1 | grep '^Mock interview')\" = \
        'Mock interview: 1.1 LinearRegression. The clock is running; it stops when LinearRegressionTest next goes green'"
tools/kata restore LinearRegression >/dev/null
check "four days on, Softmax is 3 days overdue" \
    sh -c "KATAS_NOW=2026-03-06T10:00:00Z tools/kata board | grep -q '^  Due for review: 4.6 Softmax (3 days overdue)'"
check "  ... and interview takes it first" \
    sh -c "KATAS_NOW=2026-03-06T10:00:00Z tools/kata interview | grep -q '^Mock interview: 4.6 Softmax'"
check "  ... but not when a category without it is asked for" \
    sh -c "KATAS_NOW=2026-03-06T10:00:00Z tools/kata interview 5 | grep -q '^Mock interview: 5.1 Adam'"
check "a bad category is an error" sh -c "! tools/kata interview 12"
tools/kata restore Softmax >/dev/null
tools/kata restore Adam >/dev/null

echo "an old or damaged .kata-progress"
cp .kata-progress "$tmp/progress"
printf 'Pca.status=GREEN\nPca.firstRun=2026-03-01T09\\:00\\:00Z\nPca.firstGreen=2026-03-01T09\\:20\\:00Z\n' >.kata-progress
check "a file without a version is upgraded, with a message" \
    sh -c "KATAS_NOW=2026-03-06T10:00:00Z tools/kata board | grep -q 'older version'"
check "  ... its green katas scheduled for review" \
    sh -c "KATAS_NOW=2026-03-06T10:00:00Z tools/kata board | grep -q 'Due for review: 1.4 Pca (4 days overdue)'"
printf 'Softmax.status=GREEN\nSoftmax.attempt.1=\\uZZZZ\n' >.kata-progress
cp .kata-progress "$tmp/damaged"
check "a damaged file does not stop the board, which says so" \
    sh -c "tools/kata board | grep -q 'started afresh'"
check "  ... keeping a copy of the damaged file" cmp "$tmp/damaged" .kata-progress.damaged
check "  ... nor a hint" sh -c "tools/kata hint Softmax | grep -q '^Hint 1 of 3'"
check "  ... and the file is whole again, with its version" grep -q '^format.version=2$' .kata-progress
printf 'format.version=2\nSoftmax.status=GREEN\nSoftmax.review.due=tomorrow\nPca.status=RED\n' >.kata-progress
check "a damaged kata is dropped and the others kept" \
    sh -c "tools/kata board | grep -q 'unreadable lines for Softmax' && grep -q '^Pca.status=RED' .kata-progress"
printf 'Softmax.status=RED\nSoftmax.tests=x\n' >.kata-progress
check "the test run starts afresh too" sh -c "./mvnw -q test -Dtest=SoftmaxTest 2>&1 | grep -q 'started afresh'"
check "  ... and records the run" grep -q '^Softmax.status=GREEN$' .kata-progress

finish practice
