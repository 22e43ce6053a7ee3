package org.unimoj.model.nn;

/**
 * How a parameter starts.
 *
 * @param kind  the distribution
 * @param value the standard deviation ({@link Kind#NORMAL}) or the constant ({@link Kind#CONSTANT})
 */
public record Init(Kind kind, double value) {

    /** The distributions a parameter can start from. */
    public enum Kind { NORMAL, CONSTANT }

    /** BERT/RoBERTa's initialisation of weights: normal with mean 0 and this standard deviation. */
    public static Init normal(double std) {
        return new Init(Kind.NORMAL, std);
    }

    public static Init constant(double value) {
        return new Init(Kind.CONSTANT, value);
    }

    public static Init zeros() {
        return constant(0);
    }

    public static Init ones() {
        return constant(1);
    }
}
