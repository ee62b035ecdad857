package io.gradsweep.driver.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a log axis puts its labelled ticks: at every power of ten in range, and between them at 2
 * and 5 when the range spans under about two decades, at 2 to 9 under one; a range too narrow to
 * hold three such values gets evenly spaced round values instead. Labels are plain numbers ("0.2",
 * "1", "50") between 0.001 and 100000, and short scientific ones ("2e-5") beyond, never "10^0".
 */
final class LogTicks {
    /** A tick: its value and its label. */
    record Tick(double value, String label) {
    }

    private static final int[] DECADES = {1};
    private static final int[] ONE_TWO_FIVE = {1, 2, 5};
    private static final int[] EVERY_DIGIT = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private LogTicks() {
    }

    static List<Tick> between(double lower, double upper) {
        if (!(lower > 0) || !(upper > lower) || Double.isInfinite(upper)) {
            return List.of();
        }
        double decades = Math.log10(upper / lower);
        int[] mantissas = decades <= 1 ? EVERY_DIGIT : decades <= 2.5 ? ONE_TWO_FIVE : DECADES;
        List<Tick> ticks = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(lower));
        int last = (int) Math.ceil(Math.log10(upper));
        for (int e = first; e <= last; e++) {
            for (int m : mantissas) {
                double v = new BigDecimal(m).scaleByPowerOfTen(e).doubleValue();
                if (v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9)) {
                    ticks.add(new Tick(v, label(v)));
                }
            }
        }
        return ticks.size() >= 3 ? ticks : evenlySpaced(lower, upper);
    }

    /** About four round steps (1, 2 or 5 times a power of ten) across a range within one decade. */
    private static List<Tick> evenlySpaced(double lower, double upper) {
        double raw = (upper - lower) / 4;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / power < 1.5 ? power : raw / power < 3.5 ? 2 * power : raw / power < 7.5 ? 5 * power : 10 * power;
        List<Tick> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lower / step - 1e-9); k * step <= upper * (1 + 1e-9); k++) {
            double v = new BigDecimal(k).multiply(new BigDecimal(Double.toString(step))).doubleValue();
            ticks.add(new Tick(v, label(v)));
        }
        return ticks;
    }

    static String label(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e5) {
            return d.toPlainString();
        }
        // scientific: "2e-5", "1.5e7"
        int exponent = d.precision() - d.scale() - 1;
        BigDecimal mantissa = d.scaleByPowerOfTen(-exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }
}
