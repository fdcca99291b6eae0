package dev.mrfi.nn.data;

import dev.mrfi.api.TensorShape;
import dev.mrfi.nn.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images for classification: float32 images {@code [N, C, H, W]} and one class label per
 * image. Holds its arrays without copying; treat them as read-only, so that threads can share a dataset.
 *
 * @param images the images, batch first
 * @param labels the class of each image, {@code N} of them
 */
public record Dataset(Tensor images, int[] labels) {

    /**
     * Checks that there is one label per image.
     *
     * @throws IllegalArgumentException if the images are not {@code [N, C, H, W]} or the label count differs
     *                                  from N
     */
    public Dataset {
        Objects.requireNonNull(images, "images is null");
        Objects.requireNonNull(labels, "labels is null");
        if (images.shape().rank() != 4) {
            throw new IllegalArgumentException("images must have shape [N, C, H, W], got " + images.shape());
        }
        if (images.shape().dim(0) != labels.length) {
            throw new IllegalArgumentException(images.shape().dim(0) + " images but " + labels.length + " labels");
        }
    }

    /**
     * Returns the number of images.
     *
     * @return N
     */
    public int size() {
        return labels.length;
    }

    /**
     * Returns a copy of the images and labels in {@code [from, to)}, for example one batch.
     *
     * @param from first index, inclusive
     * @param to   last index, exclusive
     * @return a dataset of {@code to - from} images sharing nothing with this one
     * @throws IndexOutOfBoundsException if the range is outside {@code [0, size()]}
     */
    public Dataset slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        TensorShape shape = images.shape();
        int imageSize = shape.dim(1) * shape.dim(2) * shape.dim(3);
        float[] values = Arrays.copyOfRange(images.data(), from * imageSize, to * imageSize);
        Tensor batch = new Tensor(TensorShape.of(to - from, shape.dim(1), shape.dim(2), shape.dim(3)), values);
        return new Dataset(batch, Arrays.copyOfRange(labels, from, to));
    }

    /**
     * Returns the fraction of predictions that equal the labels.
     *
     * @param predictions one predicted class per image, for example {@link Tensor#argmaxPerRow()} of logits
     * @return correct predictions divided by the number of images; 0 for an empty dataset
     * @throws IllegalArgumentException if the prediction count differs from the image count
     */
    public double accuracy(int[] predictions) {
        Objects.requireNonNull(predictions, "predictions is null");
        if (predictions.length != labels.length) {
            throw new IllegalArgumentException(predictions.length + " predictions for " + labels.length + " images");
        }
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predictions[i] == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dataset dataset && images.equals(dataset.images) && Arrays.equals(labels, dataset.labels);
    }

    @Override
    public int hashCode() {
        return 31 * images.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Dataset(" + labels.length + " images of " + images.shape() + ")";
    }
}
