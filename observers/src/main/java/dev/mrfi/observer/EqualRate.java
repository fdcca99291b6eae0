package dev.mrfi.observer;

/**
 * The mean over pairs of the fraction of faulty values equal to their golden values under float
 * {@code ==}: NaN equals nothing, and -0.0 equals 0.0.
 */
final class EqualRate extends GoldenComparison {

    EqualRate() {
        super("EqualRate");
    }

    @Override
    double compare(float[] golden, float[] faulty, int offset, int length) {
        int equal = 0;
        for (int i = 0; i < length; i++) {
            equal += faulty[offset + i] == golden[i] ? 1 : 0;
        }
        return (double) equal / length;
    }
}
