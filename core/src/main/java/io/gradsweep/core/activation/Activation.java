package io.gradsweep.core.activation;

/**
 * An elementwise nonlinearity with its derivative side by side. Each member implements the
 * bulk loops itself so that the call per element is not a virtual call shared by all members
 * (one shared loop would become megamorphic in an executor that trains many activations).
 *
 * <p>All arithmetic must be deterministic to the bit on every JVM and x86-64 machine: use
 * {@link FloatMath} rather than Math.exp/tanh/log, which may be CPU-specific intrinsics.
 */
public abstract class Activation {

    /** The name users type in a study file, e.g. {@code leaky_relu}. */
    public abstract String name();

    /** Canonical form including parameters, e.g. {@code leaky_relu(alpha=0.01)}; parsable by {@link Activations#parse}. */
    public abstract String canonical();

    /** f(z). */
    public abstract float value(float z);

    /** f'(z), given z and y = f(z) (whichever is cheaper to use). */
    public abstract float derivative(float z, float y);

    /** y[i] = f(z[i]) for i in [0, n). */
    public abstract void forward(float[] z, float[] y, int n);

    /** grad[i] *= f'(z[i]) for i in [0, n), where y[i] = f(z[i]). */
    public abstract void backward(float[] z, float[] y, float[] grad, int n);

    /**
     * y[i] = f(z[i]) and d[i] = f'(z[i]) for i in [0, n): the forward pass of training, which keeps
     * the derivative for the backward pass. d[i] must equal, bit for bit, the factor that
     * {@link #backward} multiplies by, so that training gives the same trace by either path. This
     * default runs {@code backward} on ones (1 x f' is f' exactly); members whose f and f' share an
     * exp or Phi override it and compute that once, which is where a smooth activation's training
     * time goes.
     */
    public void forward(float[] z, float[] y, float[] d, int n) {
        forward(z, y, n);
        java.util.Arrays.fill(d, 0, n, 1f);
        backward(z, y, d, n);
    }

    @Override
    public String toString() {
        return canonical();
    }

    /** Same class and same canonical form (so {@code elu} equals {@code elu(alpha=1.0)}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Activation a && a.getClass() == getClass() && a.canonical().equals(canonical());
    }

    @Override
    public int hashCode() {
        return canonical().hashCode();
    }
}
