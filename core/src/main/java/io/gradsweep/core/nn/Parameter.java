package io.gradsweep.core.nn;

/** A parameter tensor, its gradient, and whether weight decay applies to it (weights yes, biases no). */
public final class Parameter {
    private final String name;
    private final float[] value;
    private final float[] grad;
    private final boolean decays;

    public Parameter(String name, float[] value, float[] grad, boolean decays) {
        if (value.length != grad.length) {
            throw new IllegalArgumentException(name + ": value and gradient sizes differ");
        }
        this.name = name;
        this.value = value;
        this.grad = grad;
        this.decays = decays;
    }

    public String name() {
        return name;
    }

    public float[] value() {
        return value;
    }

    public float[] grad() {
        return grad;
    }

    public boolean decays() {
        return decays;
    }

    public int size() {
        return value.length;
    }
}
