package io.gradsweep.worker.study;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as the same double, computed with BigDecimal alone: the
 * same digits on every JDK (Double.toString changed its digits in JDK 19), because a study's hash,
 * its dimension labels and partition names must not depend on the JVM that computed them.
 */
final class NumberText {
    private NumberText() {
    }

    static String of(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0.0";
        }
        BigDecimal d = shortest(v).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) {
            String s = d.toPlainString();
            return s.indexOf('.') >= 0 ? s : s + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0");
        return (v < 0 ? "-" : "") + mantissa + "E" + exponent;
    }

    /** The decimal with the fewest significant digits that rounds back to {@code v}. */
    static BigDecimal shortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal r = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (r.doubleValue() == v) {
                return r;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /** {@code v} rounded to 12 significant digits: computed grid points read as the decimals one would type. */
    static double round12(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return v;
        }
        return new BigDecimal(v).round(new MathContext(12, RoundingMode.HALF_EVEN)).doubleValue();
    }
}
