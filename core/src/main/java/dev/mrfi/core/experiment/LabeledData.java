package dev.mrfi.core.experiment;

import dev.mrfi.api.TensorShape;
import java.util.Objects;

/**
 * A labelled data set in one array: {@code images} of {@code shape} (batch first) and one label each.
 *
 * @param images the inputs, row-major
 * @param shape  their shape, the first dimension being the number of examples
 * @param labels the class of each example
 */
public record LabeledData(float[] images, TensorShape shape, int[] labels) {

    /** Checks that the parts agree. */
    public LabeledData {
        Objects.requireNonNull(images, "images is null");
        Objects.requireNonNull(shape, "shape is null");
        Objects.requireNonNull(labels, "labels is null");
        if (shape.rank() < 1 || shape.dim(0) != labels.length || shape.size() != images.length) {
            throw new IllegalArgumentException("data of shape " + shape + " with " + images.length + " values does not"
                    + " match " + labels.length + " labels");
        }
    }

    /**
     * Returns the number of examples.
     *
     * @return the count
     */
    public int size() {
        return labels.length;
    }
}
