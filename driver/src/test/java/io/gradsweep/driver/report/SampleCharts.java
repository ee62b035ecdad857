package io.gradsweep.driver.report;

import java.util.List;

/** Small, realistic inputs for the chart and report tests. */
final class SampleCharts {

    private SampleCharts() {}

    static ChartImage band() {
        double[] epochs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        BandChart chart = new BandChart("Test loss by epoch", ChartAxis.linear("epoch"), ChartAxis.log("test loss"));
        for (int depth : new int[] {2, 6}) {
            chart.panel("depth " + depth, List.of(
                loss("relu", epochs, 2.0 * depth / 2, 0.45),
                loss("elu", epochs, 1.5 * depth / 2, 0.55),
                loss("tanh", epochs, 2.5, 0.25)));
        }
        return chart.render(1000, 520);
    }

    private static BandSeries loss(String name, double[] epochs, double start, double rate) {
        int n = epochs.length;
        double[] median = new double[n];
        double[] q1 = new double[n];
        double[] q3 = new double[n];
        for (int i = 0; i < n; i++) {
            median[i] = start * Math.exp(-rate * epochs[i]);
            q1[i] = median[i] * 0.7;
            q3[i] = median[i] * 1.4;
        }
        return new BandSeries(name, epochs, median, q1, q3);
    }

    static ChartImage steps() {
        return new StepChart("Time to test loss < 0.1", ChartAxis.linear("step"), "fraction of trials reached")
            .series(new StepSeries("elu", new double[] {0, 120, 180, 250, 400}, new double[] {0, 0.2, 0.4, 0.6, 0.8},
                new double[] {600}))
            .series(new StepSeries("relu", new double[] {0, 200, 300, 500}, new double[] {0, 0.2, 0.4, 0.6},
                new double[] {450, 700}))
            .series(StepSeries.withoutCensoring("tanh", new double[] {0, 100, 150, 220, 260, 320},
                new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0}))
            .render(900, 520);
    }

    static ChartImage lines() {
        double[] layers = {1, 2, 3, 4, 5, 6, 7, 8};
        double[] sigmoid = new double[8];
        double[] relu = new double[8];
        for (int i = 0; i < 8; i++) {
            sigmoid[i] = Math.pow(0.25, 8 - i);
            relu[i] = 0.5 * Math.pow(0.9, 8 - i);
        }
        return new LineChart("Gradient norm by layer", ChartAxis.linear("layer"), ChartAxis.log("gradient norm"))
            .series(new LineSeries("sigmoid", layers, sigmoid))
            .series(new LineSeries("relu", layers, relu))
            .render(800, 480);
    }

    static ChartImage heatmap() {
        return new Heatmap("Dead ReLU units after training", new String[] {"relu", "leaky_relu", "elu"},
                new String[] {"1e-4", "1e-3", "1e-2", "1e-1"},
                new double[][] {{0.01, 0.05, 0.21, 0.64}, {0, 0.01, 0.02, Double.NaN}, {0, 0, 0.01, 0.03}})
            .axisLabels("activation", "learning rate")
            .valueLabel("fraction of dead units")
            .valueFormat("%.2f")
            .scale(0, 1)
            .render(800, 420);
    }
}
