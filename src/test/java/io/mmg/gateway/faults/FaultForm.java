package io.mmg.gateway.faults;

import java.time.Duration;

/**
 * How big a fault run is: the short form CI runs (minutes on two cores) or the long form ({@code -Pfaults-long},
 * system property {@code faults.form=long}). Any figure can be set on its own: {@code -Dfaults.crash.payments=1000}.
 */
final class FaultForm {

    static final boolean LONG = "long".equals(System.getProperty("faults.form"));

    private FaultForm() {
    }

    static int count(String name, int shortForm, int longForm) {
        return Integer.getInteger("faults." + name, LONG ? longForm : shortForm);
    }

    static Duration seconds(String name, int shortForm, int longForm) {
        return Duration.ofSeconds(count(name, shortForm, longForm));
    }

    static String describe() {
        return LONG ? "long" : "short";
    }
}
