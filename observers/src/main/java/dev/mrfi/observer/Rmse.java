package dev.mrfi.observer;

/** The square root of the mean over pairs of each pair's mean squared error. */
final class Rmse extends GoldenComparison {

    Rmse() {
        super("RMSE");
    }

    @Override
    double compare(float[] golden, float[] faulty, int offset, int length) {
        double s = 0;
        for (int i = 0; i < length; i++) {
            double d = (double) faulty[offset + i] - golden[i];
            s += d * d;
        }
        return s / length;
    }

    @Override
    double finish(double meanOfValues) {
        return Math.sqrt(meanOfValues);
    }
}
