// GENERATED FILE, do not edit. Oracle values computed with statsmodels 0.13.5+dfsg (Python 3.11.2).
// Regenerate: /usr/bin/python3 tools/oracles/statistical_power.py
package mlkatas.production;

/** Expected values from statsmodels 0.13.5+dfsg, frozen by tools/oracles/statistical_power.py. */
final class StatisticalPowerOracle {

    private StatisticalPowerOracle() {
    }

    record PowerCase(String name, double effectSize, int n, double alpha, boolean twoTailed,
                     double power) {
        @Override
        public String toString() {
            return name;
        }
    }

    record SizeCase(String name, double effectSize, double alpha, double power, boolean twoTailed,
                    int n) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final PowerCase[] POWER_CASES = {
        new PowerCase("d 0.1, n 1663, alpha 0.001, two-tailed", 0.1, 1663, 0.001, true, 0.34202141589828866),
        new PowerCase("d 2.0, n 3, alpha 0.001, one-tailed", 2.0, 3, 0.001, false, 0.2608449777275419),
        new PowerCase("d 0.5, n 92, alpha 0.1, two-tailed", 0.5, 92, 0.1, true, 0.959621806577959),
        new PowerCase("d 0.5, n 13, alpha 0.2, two-tailed", 0.5, 13, 0.2, true, 0.5025780303850332),
        new PowerCase("d 0.8, n 33, alpha 0.01, one-tailed", 0.8, 33, 0.01, false, 0.822066086736061),
        new PowerCase("d 2.0, n 2, alpha 0.2, one-tailed", 2.0, 2, 0.2, false, 0.8766452497909407),
        new PowerCase("d 1.2, n 17, alpha 0.001, two-tailed", 1.2, 17, 0.001, true, 0.5824028523464365),
        new PowerCase("d 2.0, n 2, alpha 0.01, one-tailed", 2.0, 2, 0.01, false, 0.37208058543549444),
        new PowerCase("d 0.8, n 2, alpha 0.05, one-tailed", 0.8, 2, 0.05, false, 0.19909628433142962),
        new PowerCase("d 0.8, n 27, alpha 0.001, one-tailed", 0.8, 27, 0.001, false, 0.4400491456821059),
        new PowerCase("d 0.05, n 6021, alpha 0.01, one-tailed", 0.05, 6021, 0.01, false, 0.6616802887692783),
        new PowerCase("d 2.0, n 2, alpha 0.1, one-tailed", 2.0, 2, 0.1, false, 0.7637595841058832),
        new PowerCase("d 1.2, n 15, alpha 0.001, one-tailed", 1.2, 15, 0.001, false, 0.5777352411133889),
        new PowerCase("d 2.0, n 3, alpha 0.01, one-tailed", 2.0, 3, 0.01, false, 0.5490026214496423)
    };

    static final SizeCase[] SIZE_CASES = {
        new SizeCase("d 0.5, alpha 0.05, power 0.8, two-tailed", 0.5, 0.05, 0.8, true, 63),
        new SizeCase("d 0.2, alpha 0.05, power 0.9, two-tailed", 0.2, 0.05, 0.9, true, 526),
        new SizeCase("d 0.1, alpha 0.2, power 0.5, two-tailed", 0.1, 0.2, 0.5, true, 322),
        new SizeCase("d 0.3, alpha 0.01, power 0.95, one-tailed", 0.3, 0.01, 0.95, false, 351),
        new SizeCase("d 0.8, alpha 0.1, power 0.7, one-tailed", 0.8, 0.1, 0.7, false, 11),
        new SizeCase("d 1.5, alpha 0.05, power 0.8, two-tailed", 1.5, 0.05, 0.8, true, 7),
        new SizeCase("d 3.0, alpha 0.05, power 0.6, one-tailed", 3.0, 0.05, 0.6, false, 2),
        new SizeCase("d 0.05, alpha 0.05, power 0.8, two-tailed", 0.05, 0.05, 0.8, true, 6280),
        new SizeCase("d 0.25, alpha 0.2, power 0.6, two-tailed", 0.25, 0.2, 0.6, true, 75)
    };
}
