package dev.micrograd.data;

/** The numbers of the lecture's example neuron, o = tanh(x1*w1 + x2*w2 + b), typed once for every chapter and test. */
public final class LectureNeuron {
    public static final double X1 = 2.0;
    public static final double X2 = 0.0;
    public static final double W1 = -3.0;
    public static final double W2 = 1.0;
    /** The lecture's bias, chosen so that n = 0.8813735870195432 and o = tanh(n) = sqrt(0.5) = 0.7071. */
    public static final double BIAS = 6.8813735870195432;

    private LectureNeuron() {
    }
}
