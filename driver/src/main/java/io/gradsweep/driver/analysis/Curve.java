package io.gradsweep.driver.analysis;

import java.util.List;

/** A group's train-loss quartiles against step (the trials still running at each step). */
record Curve(List<String> factors, long[] steps, long[] n, double[] q1, double[] median, double[] q3) {
}
