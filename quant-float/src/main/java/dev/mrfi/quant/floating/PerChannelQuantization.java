package dev.mrfi.quant.floating;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.TensorShape;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.RangeStatistics;
import dev.mrfi.api.quantization.ScaleEncoding;
import java.util.Arrays;
import java.util.Optional;

/**
 * Symmetric integer quantization with one range per channel along an axis. In row-major order the values
 * of one channel come in runs of {@code stride(axis)} consecutive values, repeated once per index of the
 * axes before it, so ranges and the quantizer's loops work run by run. Immutable.
 */
final class PerChannelQuantization implements Quantization {

    private final int bitWidth;
    private final int axis;
    /** NaN for auto. */
    private final float fixedRange;

    PerChannelQuantization(int bitWidth, int axis, float fixedRange) {
        this.bitWidth = bitWidth;
        this.axis = axis;
        this.fixedRange = fixedRange;
    }

    @Override
    public IntegerCode code() {
        return IntegerCode.signed(bitWidth);
    }

    @Override
    public Optional<ScaleEncoding> scaleEncoding() {
        return Optional.of(ScaleEncoding.float32());
    }

    private float limit() {
        return (1 << (bitWidth - 1)) - 1;
    }

    /** Without a shape, the tensor is one channel. */
    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        float range = Float.isNaN(fixedRange) ? RangeStatistics.maxAbs(data, offset, length) : fixedRange;
        return new PerChannelQuantizer(limit(), offset, Math.max(length, 1), 1, new float[] {range});
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, TensorShape shape) {
        int rank = shape.rank();
        if (rank == 0) {
            return forTensor(data, offset, shape.size());
        }
        int resolved = axis < 0 ? axis + rank : axis;
        if (resolved < 0 || resolved >= rank) {
            throw new IllegalArgumentException("PerChannelQuantization: axis " + axis + " is outside the tensor of"
                    + " shape " + shape + " (rank " + rank + ")");
        }
        int channels = shape.dim(resolved);
        int run = shape.stride(resolved);
        float[] ranges = new float[Math.max(channels, 1)];
        if (!Float.isNaN(fixedRange)) {
            Arrays.fill(ranges, fixedRange);
        } else {
            int size = shape.size();
            for (int start = 0, channel = 0; start < size; start += run, channel = channel + 1 == channels ? 0 : channel + 1) {
                ranges[channel] = Math.max(ranges[channel], RangeStatistics.maxAbs(data, offset + start, run));
            }
        }
        return new PerChannelQuantizer(limit(), offset, Math.max(run, 1), Math.max(channels, 1), ranges);
    }

    @Override
    public String toString() {
        return "PerChannelQuantization(bit_width=" + bitWidth + ", axis=" + axis + ", dynamic_range="
                + (Float.isNaN(fixedRange) ? "auto" : Float.toString(fixedRange)) + ")";
    }
}
