package io.gradsweep.core.activation;

/**
 * The scalar activation loops as they were before the vector kernels (commit c8f588f): f and f'
 * per element through {@link Kernels}, in double. Kept here, beside the benchmark only, so that
 * old and new run side by side in one JMH run. It sits in core's package to reach Kernels.
 */
public final class PreviousScalarActivations {
    private PreviousScalarActivations() {
    }

    /** One activation's bulk loops. */
    public interface Bulk {
        void forward(float[] z, float[] y, int n);

        void backward(float[] z, float[] y, float[] grad, int n);
    }

    /** The previous loops of {@code name} at default parameters; relu and leaky_relu were already vectorised and are unchanged. */
    public static Bulk of(String name) {
        return switch (name) {
            case "relu", "leaky_relu" -> wrap(Activations.parse(name));
            case "elu" -> new Elu();
            case "selu" -> new Selu();
            case "gelu" -> new Gelu();
            case "silu" -> new Silu();
            case "mish" -> new Mish();
            case "softplus" -> new Softplus();
            case "tanh" -> new Tanh();
            case "sigmoid" -> new Sigmoid();
            default -> throw new IllegalArgumentException("no previous form of " + name);
        };
    }

    private static Bulk wrap(Activation a) {
        return new Bulk() {
            @Override
            public void forward(float[] z, float[] y, int n) {
                a.forward(z, y, n);
            }

            @Override
            public void backward(float[] z, float[] y, float[] grad, int n) {
                a.backward(z, y, grad, n);
            }
        };
    }

    private static final class Elu implements Bulk {
        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                float x = z[i];
                y[i] = x > 0 ? x : (float) (1.0 * Kernels.expm1(Kernels.widen(x < -200f ? -200f : x)));
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                float x = z[i];
                grad[i] *= x > 0 ? 1f : (float) (1.0 * Kernels.exp(Kernels.widen(x < -200f ? -200f : x)));
            }
        }
    }

    private static final class Selu implements Bulk {
        private static final double LAMBDA = 1.0507009873554804934193349852946;
        private static final double LAMBDA_ALPHA = LAMBDA * 1.6732632423543772848170429916717;

        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                float v = z[i];
                double x = Kernels.widen(v < -200f ? -200f : v);
                y[i] = (float) (v > 0 ? LAMBDA * x : LAMBDA_ALPHA * Kernels.expm1(x));
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                float v = z[i];
                grad[i] *= v > 0 ? (float) LAMBDA
                        : (float) (LAMBDA_ALPHA * Kernels.exp(Kernels.widen(v < -200f ? -200f : v)));
            }
        }
    }

    private static final class Gelu implements Bulk {
        private static double cdf(double z) {
            double c = 0.5 * Kernels.erfc(Math.abs(z) * Kernels.INV_SQRT2);
            return z < 0 ? c : 1.0 - c;
        }

        private static float f(float z) {
            if (z > 10f) {
                return z;
            }
            if (z < -15f) {
                return -0f;
            }
            double x = Kernels.widen(z);
            return (float) (x * cdf(x));
        }

        private static float df(float z) {
            if (z > 10f) {
                return 1f;
            }
            if (z < -15f) {
                return -0f;
            }
            double x = Kernels.widen(z);
            return (float) (cdf(x) + x * Kernels.INV_SQRT_2PI * Kernels.exp(-0.5 * x * x));
        }

        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                y[i] = f(z[i]);
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                grad[i] *= df(z[i]);
            }
        }
    }

    private static final class Silu implements Bulk {
        private static float f(float z) {
            if (z > 40f) {
                return z;
            }
            if (z < -120f) {
                return -0f;
            }
            double x = Kernels.widen(z);
            return (float) (x / (1.0 + Kernels.exp(-x)));
        }

        private static float df(float z) {
            if (z > 40f) {
                return 1f;
            }
            if (z < -120f) {
                return -0f;
            }
            double x = Kernels.widen(z);
            double e = Kernels.exp(-x);
            double d = 1.0 + e;
            return (float) ((1.0 + x * e / d) / d);
        }

        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                y[i] = f(z[i]);
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                grad[i] *= df(z[i]);
            }
        }
    }

    private static final class Mish implements Bulk {
        private static float f(float z) {
            if (z > 40f) {
                return z;
            }
            if (z < -120f) {
                return -0f;
            }
            double x = Kernels.widen(z);
            double w = Kernels.exp(x);
            double n = w * (w + 2.0);
            return (float) (x * (n / (n + 2.0)));
        }

        private static float df(float z) {
            if (z > 40f) {
                return 1f;
            }
            if (z < -120f) {
                return -0f;
            }
            double x = Kernels.widen(z);
            double w = Kernels.exp(x);
            double n = w * (w + 2.0);
            double d = n + 2.0;
            return (float) (n / d + 4.0 * x * w * (1.0 + w) / (d * d));
        }

        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                y[i] = f(z[i]);
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                grad[i] *= df(z[i]);
            }
        }
    }

    private static final class Softplus implements Bulk {
        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                y[i] = FloatMath.softplus(z[i]);
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                grad[i] *= FloatMath.sigmoid(z[i]);
            }
        }
    }

    private static final class Tanh implements Bulk {
        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                y[i] = FloatMath.tanh(z[i]);
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                grad[i] *= (float) Kernels.tanhDerivative(Kernels.widen(z[i]));
            }
        }
    }

    private static final class Sigmoid implements Bulk {
        @Override
        public void forward(float[] z, float[] y, int n) {
            for (int i = 0; i < n; i++) {
                y[i] = FloatMath.sigmoid(z[i]);
            }
        }

        @Override
        public void backward(float[] z, float[] y, float[] grad, int n) {
            for (int i = 0; i < n; i++) {
                grad[i] *= (float) Kernels.sigmoidDerivative(Kernels.widen(z[i]));
            }
        }
    }
}
