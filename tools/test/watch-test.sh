#!/usr/bin/env bash
# Tests watch mode (tools/kata watch) against a temporary clone, with standard input a pipe (not a terminal):
# start and first verdict, an edit that turns the kata green, a compile error and its fix, a stub that loops
# (the time limit ends it and watch mode starts afresh), and quit.
#   bash tools/test/watch-test.sh
set -euo pipefail

. "$(dirname "$0")/lib.sh"
watch_pid=
on_exit() {
    [ -z "$watch_pid" ] || kill "$watch_pid" 2>/dev/null || true
    exec 3>&- 2>/dev/null || true
}

# Test the working tree's watch mode and build, not the last commit's.
clone_repo src/test tools pom.xml .mvn

stub=src/main/java/mlkatas/nn/Softmax.java
reference=reference/src/main/java/mlkatas/nn/Softmax.java
out=$tmp/watch.out
check_context=$out

mkfifo "$tmp/keys"
tools/kata watch Softmax <"$tmp/keys" >"$out" 2>&1 &
watch_pid=$!
exec 3>"$tmp/keys" # keep the pipe open: watch mode reads keys from it

# wait_for <count> <pattern>: until the output has <count> lines matching <pattern> (at most 180 s)
wait_for() {
    local count=$1 pattern=$2 i
    for i in $(seq 1 360); do
        if [ "$(grep -c -- "$pattern" "$out" || true)" -ge "$count" ]; then
            return 0
        fi
        kill -0 "$watch_pid" 2>/dev/null || break
        sleep 0.5
    done
    return 1
}

verdicts() { grep -c '^\[watch\] 4.6 Softmax: ' "$out" || true; }

echo "tools/kata watch Softmax"
check "starts and gives a first verdict: the stub is not started" wait_for 1 '^\[watch\] 4.6 Softmax: red (not started'

cp "$reference" "$stub"
check "saving a correct softmax turns it green" wait_for 1 '^\[watch\] 4.6 Softmax: green'

sed 's/double max = /double max = ;/' "$reference" >"$stub"
check "a compile error is shown as file:line: message" wait_for 1 '^src/main/java/mlkatas/nn/Softmax.java:[0-9]*: '
check "and its verdict says it does not compile" wait_for 1 '^\[watch\] 4.6 Softmax: does not compile'

cp "$reference" "$stub"
check "fixing it resumes the loop" wait_for 2 '^\[watch\] 4.6 Softmax: green'

n=$(verdicts)
cp reference/src/main/java/mlkatas/nn/Relu.java src/main/java/mlkatas/nn/Relu.java
sed 's/double max = /double max  = /' "$reference" >"$stub"
sleep 4
check "two files saved together give one run" test "$(verdicts)" -eq $((n + 1))
git checkout -q -- src/main/java/mlkatas/nn/Relu.java
sleep 2
n=$(verdicts)

echo r >&3
check "r runs the tests again" wait_for $((n + 1)) '^\[watch\] 4.6 Softmax: '
check "and it is still green" sh -c "grep '^\[watch\] 4.6 Softmax: ' '$out' | tail -n 1 | grep -q green"

echo h >&3
check "h shows the next hint, as tools/kata hint does" wait_for 1 '^Hint 1 of 3 for 4.6 Softmax'

# A softmax whose loop never ends: the time limit ends the test, and watch mode starts a fresh JVM.
sed 's/for (int i = 0; i < scores.length; i++) {/for (int i = 0; i < scores.length; i = i * 1) {/' "$reference" >"$stub"
check "a looping softmax fails with the time limit's message" wait_for 1 'did not finish within 10 s: an endless loop?'
check "and watch mode starts afresh, waiting for a save" wait_for 1 'waiting for your next save'
n=$(grep -c '^\[watch\] 4.6 Softmax: green' "$out" || true)
cp "$reference" "$stub"
check "after the restart a save runs the tests again" wait_for $((n + 1)) '^\[watch\] 4.6 Softmax: green'

check "watch mode never writes under src/main/java" \
    test -z "$(git status --porcelain --untracked-files=all -- src/main/java | grep -v "^ M $stub\$")"

echo q >&3
exec 3>&-
quit_status=0
for i in $(seq 1 40); do kill -0 "$watch_pid" 2>/dev/null || break; sleep 0.25; done
wait "$watch_pid" || quit_status=$?
watch_pid=
check "q quits with status 0" test "$quit_status" -eq 0

finish "watch mode"
