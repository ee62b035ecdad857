package io.gradsweep.driver.analysis;

import java.util.List;

/** Median gradient norm of every layer at initialisation, for one group at one depth (output layer last). */
record LayerGradients(List<String> factors, long depth, long n, double[] medianNorm) {
}
