package dev.mrfi.api.observer;

import dev.mrfi.api.TensorShape;

/**
 * Accumulates a statistic of the tensors seen at one hook point. Unlike the other operators an observer
 * has state; each instance belongs to one site of one trial and is used by one thread at a time.
 *
 * <p>Observers that compare against a golden run ({@link #pairsWithGolden()}) receive a golden tensor via
 * {@link #updateGolden} and then the faulty tensor of the same input via {@link #update}.
 *
 * @since 0.1
 */
public interface Observer {

    /**
     * Takes in one tensor of a faulty (or plain) pass.
     *
     * @param data   the values; read only
     * @param offset index of the first value
     * @param length number of values
     * @param shape  the tensor's shape
     */
    void update(float[] data, int offset, int length, TensorShape shape);

    /**
     * Takes in one tensor of a golden pass. The default treats it like any other pass.
     *
     * @param data   the values; read only
     * @param offset index of the first value
     * @param length number of values
     * @param shape  the tensor's shape
     */
    default void updateGolden(float[] data, int offset, int length, TensorShape shape) {
        update(data, offset, length, shape);
    }

    /**
     * Tells whether this observer compares each faulty pass with the golden pass before it.
     *
     * @return true for golden/faulty pairing observers such as RMSE
     */
    default boolean pairsWithGolden() {
        return false;
    }

    /** Forgets everything seen so far. */
    void reset();

    /**
     * Returns the statistic so far.
     *
     * @return a {@link Number}, a {@code List} (of numbers or arrays) or a {@code float[]} sample; null
     *         (NaN for golden-pairing observers) if nothing was seen
     */
    Object result();
}
