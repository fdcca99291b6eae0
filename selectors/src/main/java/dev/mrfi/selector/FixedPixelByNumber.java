package dev.mrfi.selector;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.selector.Selector;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Random (instance, channel) pairs at one fixed pixel of a 4-D tensor (instance, channel, height, width);
 * with {@code per_instance}, {@code n} channels inside each instance, grouped by instance.
 */
final class FixedPixelByNumber implements Selector {

    private final int count;
    /** One entry: a flat pixel index {@code h * W + w}; two: {@code (h, w)}. None negative. */
    private final int[] pixel;
    private final boolean perInstance;
    private final boolean distinct;

    FixedPixelByNumber(int count, int[] pixel, boolean perInstance, boolean distinct) {
        this.count = count;
        this.pixel = pixel;
        this.perInstance = perInstance;
        this.distinct = distinct;
    }

    @Override
    public int[] select(TensorShape shape, RandomGenerator random) {
        if (shape.rank() != 4) {
            throw new InjectionException("FixedPixelByNumber needs a 4-D tensor (instance, channel, height, width),"
                    + " got shape " + shape);
        }
        int height = shape.dim(2);
        int width = shape.dim(3);
        int row;
        int column;
        if (pixel.length == 1) {
            if ((long) pixel[0] >= (long) height * width) {
                throw new InjectionException("pixel " + pixel[0] + " is outside the " + height + " x " + width
                        + " pixels of the tensor of shape " + shape);
            }
            row = pixel[0] / width;
            column = pixel[0] % width;
        } else {
            row = pixel[0];
            column = pixel[1];
            if (row >= height || column >= width) {
                throw new InjectionException("pixel " + Arrays.toString(pixel) + " is outside the " + height + " x "
                        + width + " pixels of the tensor of shape " + shape);
            }
        }
        int base = row * shape.stride(2) + column * shape.stride(3);
        int instances = shape.dim(0);
        int channels = shape.dim(1);
        if (!perInstance) {
            int[] pairs = IndexSampler.draw(instances * channels, count, distinct, random);
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = pairs[i] / channels * shape.stride(0) + pairs[i] % channels * shape.stride(1) + base;
            }
            return pairs;
        }
        int perBlock = distinct ? Math.min(count, channels) : count;
        long total = (long) perBlock * instances;
        if (channels == 0 || total == 0) {
            return new int[0];
        }
        IndexSampler.checkDraws(total, (long) instances * channels);
        if (total > TensorShape.MAX_ELEMENTS) {
            throw new InjectionException("n = " + count + " per instance over " + instances + " instances is "
                    + total + " positions, more than one array can hold");
        }
        int[] positions = new int[(int) total];
        for (int instance = 0; instance < instances; instance++) {
            int[] chosen = IndexSampler.draw(channels, perBlock, distinct, random);
            for (int i = 0; i < perBlock; i++) {
                positions[instance * perBlock + i] = instance * shape.stride(0) + chosen[i] * shape.stride(1) + base;
            }
        }
        return positions;
    }

    @Override
    public String toString() {
        return "FixedPixelByNumber(n=" + count + ", pixel=" + (pixel.length == 1 ? pixel[0] : Arrays.toString(pixel))
                + ", per_instance=" + perInstance + ", distinct=" + distinct + ")";
    }
}
