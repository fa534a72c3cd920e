# Shared by the tests in tools/test: a temporary folder removed at exit, a check that counts and reports, a
# temporary clone that carries the working tree's changes, and the closing summary.
# Source it from a test script:   . "$(dirname "$0")/lib.sh"

top=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
passed=0
failed=0
check_context= # a file whose last lines a failing check also shows (a log the commands wrote)

on_exit() { :; } # a test that starts a background process redefines this to stop it
trap 'on_exit; rm -rf "$tmp"' EXIT

# check <description> <command...>: runs the command, counts it, and on failure shows what it printed.
check() {
    local description=$1
    shift
    if "$@" >"$tmp/check.out" 2>&1; then
        passed=$((passed + 1))
        echo "  ok   $description"
    else
        failed=$((failed + 1))
        echo "  FAIL $description"
        sed 's/^/         /' "$tmp/check.out"
        if [ -n "$check_context" ] && [ -f "$check_context" ]; then
            tail -n 60 "$check_context" | sed 's/^/         /'
        fi
    fi
}

# clone_repo [path...]: clones the repository into $tmp/repo and goes there, then copies over the working
# tree's changed and new files below the given paths, so that what is tested is the working tree.
clone_repo() {
    git clone -q "$top" "$tmp/repo"
    cd "$tmp/repo"
    if [ $# -gt 0 ]; then
        (cd "$top" && git ls-files -m -o --exclude-standard -- "$@") | while read -r f; do
            mkdir -p "$(dirname "$f")" && cp "$top/$f" "$f"
        done
    fi
}

# finish <name>: prints the summary; the script's status is non-zero when a check failed.
finish() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
