package dev.mrfi.observer;

/** Mean over calls of each tensor's mean absolute value. */
final class MeanAbs extends MeanOfCallMeans {

    @Override
    double sum(float[] data, int offset, int length) {
        double s = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            s += Math.abs(data[i]);
        }
        return s;
    }
}
