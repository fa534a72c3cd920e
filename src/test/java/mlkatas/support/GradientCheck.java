package mlkatas.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Central-difference gradient checking, as in cs231n's {@code gradient_check.py}.
 *
 * <p>The numerical gradient is (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h, whose error is O(h²). The analytic and
 * numerical values are compared by relative error |a − n| / max(|a|, |n|, {@value #FLOOR}): below 1e-7
 * is right, around 1e-4 is suspicious, above 1e-2 is wrong. The floor keeps two values that are both
 * essentially zero from producing a huge relative error. Avoid points where the function has a kink
 * (|x| at 0, ReLU at 0): the two one-sided slopes differ there and no analytic value can match.
 */
public final class GradientCheck {

    /** Step h: truncation error O(h²) ≈ 1e-10 and rounding error ε/h ≈ 1e-11 are both far below 1e-7. */
    public static final double STEP = 1e-5;

    /** Relative-error floor: gradients smaller than this in absolute value count as zero. */
    public static final double FLOOR = 1e-8;

    private GradientCheck() {
    }

    /** The central-difference gradient of f at x (x is not modified). */
    public static double[] numericalGradient(ToDoubleFunction<double[]> f, double[] x) {
        double[] gradient = new double[x.length];
        double[] probe = x.clone();
        for (int i = 0; i < x.length; i++) {
            double saved = probe[i];
            probe[i] = saved + STEP;
            double plus = f.applyAsDouble(probe);
            probe[i] = saved - STEP;
            double minus = f.applyAsDouble(probe);
            probe[i] = saved;
            gradient[i] = (plus - minus) / (2 * STEP);
        }
        return gradient;
    }

    /** The central-difference gradient of f at the matrix x, same shape as x (x is not modified). */
    public static double[][] numericalGradient(ToDoubleFunction<double[][]> f, double[][] x) {
        double[][] probe = Arrays.stream(x).map(double[]::clone).toArray(double[][]::new);
        double[][] gradient = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            gradient[i] = new double[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                double saved = probe[i][j];
                probe[i][j] = saved + STEP;
                double plus = f.applyAsDouble(probe);
                probe[i][j] = saved - STEP;
                double minus = f.applyAsDouble(probe);
                probe[i][j] = saved;
                gradient[i][j] = (plus - minus) / (2 * STEP);
            }
        }
        return gradient;
    }

    /** cs231n's relative error |a − n| / max(|a|, |n|, FLOOR). */
    public static double relativeError(double analytic, double numerical) {
        return Math.abs(analytic - numerical) / Math.max(FLOOR, Math.max(Math.abs(analytic), Math.abs(numerical)));
    }

    /** Fails with every position whose relative error exceeds {@code maxRelativeError}. */
    public static void assertGradientMatches(String what, double[] analytic, double[] numerical,
                                             double maxRelativeError) {
        assertGradientMatches(what, analytic, numerical, maxRelativeError, 0);
    }

    /**
     * Like {@link #assertGradientMatches(String, double[], double[], double)}, but an entry also passes when its
     * absolute error is at most {@code maxAbsoluteError}. Use it where gradient entries can be close to 0: central
     * differences of a loss of size L carry an absolute rounding error of about ε·L/h, which is a huge relative
     * error next to a true gradient of 1e-9.
     */
    public static void assertGradientMatches(String what, double[] analytic, double[] numerical,
                                             double maxRelativeError, double maxAbsoluteError) {
        if (analytic.length != numerical.length) {
            fail(String.format("%s%nthe gradient has %d entries but the parameters have %d", what,
                    analytic.length, numerical.length));
        }
        StringBuilder worst = new StringBuilder();
        for (int i = 0; i < analytic.length; i++) {
            double error = relativeError(analytic[i], numerical[i]);
            if (error > maxRelativeError && Math.abs(analytic[i] - numerical[i]) > maxAbsoluteError) {
                worst.append(String.format("%n  [%d] analytic %s, numerical %s, relative error %.2g", i,
                        analytic[i], numerical[i], error));
            }
        }
        if (worst.length() > 0) {
            fail(String.format("%s%nanalytic and central-difference gradients disagree (max relative error %s):%s",
                    what, maxRelativeError, worst));
        }
    }

    /** Matrix version of {@link #assertGradientMatches(String, double[], double[], double)}. */
    public static void assertGradientMatches(String what, double[][] analytic, double[][] numerical,
                                             double maxRelativeError) {
        assertGradientMatches(what, analytic, numerical, maxRelativeError, 0);
    }

    /** Matrix version of {@link #assertGradientMatches(String, double[], double[], double, double)}. */
    public static void assertGradientMatches(String what, double[][] analytic, double[][] numerical,
                                             double maxRelativeError, double maxAbsoluteError) {
        if (analytic.length != numerical.length) {
            fail(String.format("%s%nthe gradient has %d rows but the parameters have %d", what,
                    analytic.length, numerical.length));
        }
        for (int i = 0; i < analytic.length; i++) {
            assertGradientMatches(what + " (row " + i + ")", analytic[i], numerical[i], maxRelativeError,
                    maxAbsoluteError);
        }
    }
}
