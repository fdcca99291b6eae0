package dev.mrfi.observer;

/**
 * The reference's {@code Std}: the square root of the mean over calls of each tensor's mean square. It is
 * a root mean square, not a standard deviation; the mean is not subtracted.
 */
final class RootMeanSquare extends MeanOfCallMeans {

    @Override
    double sum(float[] data, int offset, int length) {
        double s = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            double v = data[i];
            s += v * v;
        }
        return s;
    }

    @Override
    double finish(double meanOfMeans) {
        return Math.sqrt(meanOfMeans);
    }
}
