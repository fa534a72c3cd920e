package mlkatas.support.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What one run of a kata's tests gave: counts, Part B apart, and every failure in the order the tests ran.
 *
 * <p>Part B groups (a {@code @Nested} class named {@code PartB}) are optional: a kata is green when every test
 * outside Part B passes, and Part B is counted on its own.
 */
public final class KataResult {

    /** One failed (or not finished) test: its group, its name below the group, and what it threw. */
    public record Failure(String group, String test, Throwable thrown, boolean partB) {

        /** "Edge cases and bad input > empty input is rejected". */
        public String path() {
            return test.isEmpty() ? group : group + " > " + test;
        }
    }

    private final String kata;
    private int tests;
    private int failing;
    private int stubFailures;
    private int partBTests;
    private int partBFailing;
    private int notRun;
    private final List<Failure> failures = new ArrayList<>();

    public KataResult(String kata) {
        this.kata = kata;
    }

    /** Records a finished test (or a failed container, which counts as one failing test). */
    public void add(String group, String test, boolean partB, Throwable failure, boolean stubFailure) {
        if (partB) {
            partBTests++;
        } else {
            tests++;
        }
        if (failure == null) {
            return;
        }
        if (partB) {
            partBFailing++;
        } else {
            failing++;
        }
        if (stubFailure) {
            stubFailures++;
        }
        failures.add(new Failure(group, test, failure, partB));
    }

    /** Records a test that was not run because an earlier test of this kata ran out of time. */
    public void addNotRun() {
        notRun++;
    }

    public String kata() {
        return kata;
    }

    /** Tests outside Part B that ran. */
    public int tests() {
        return tests;
    }

    /** Tests outside Part B that failed. */
    public int failing() {
        return failing;
    }

    public int partBTests() {
        return partBTests;
    }

    public int partBFailing() {
        return partBFailing;
    }

    /** Tests skipped after a time-out. */
    public int notRun() {
        return notRun;
    }

    /** Green: every test outside Part B ran and passed. */
    public boolean green() {
        return failing == 0 && notRun == 0 && tests > 0;
    }

    /** Not started: every failure, Part B included, is the untouched stub's exception. */
    public boolean notStarted() {
        return !failures.isEmpty() && stubFailures == failures.size() && stubFailures == tests + partBTests;
    }

    /** Failures outside Part B first, in the order they ran; Part B's after them. */
    public List<Failure> failures() {
        List<Failure> ordered = new ArrayList<>(failures.stream().filter(f -> !f.partB()).toList());
        ordered.addAll(failures.stream().filter(Failure::partB).toList());
        return ordered;
    }
}
