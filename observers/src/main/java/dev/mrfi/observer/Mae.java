package dev.mrfi.observer;

/** The mean over pairs of each pair's mean absolute error. */
final class Mae extends GoldenComparison {

    Mae() {
        super("MAE");
    }

    @Override
    double compare(float[] golden, float[] faulty, int offset, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            s += Math.abs((double) faulty[offset + i] - golden[i]);
        }
        return s / length;
    }
}
