package dev.mrfi.quant.floating;

import dev.mrfi.api.quantization.FloatRounding;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.api.quantization.QuantizerScales;
import dev.mrfi.api.quantization.ScaleEncoding;

/**
 * Per-channel symmetric quantization bound to one tensor's ranges. Value {@code i} (counted from the
 * tensor's offset) belongs to channel {@code (i / run) % channels}. A channel of range 0 (all zeros) has
 * codes 0 that dequantize to 0. Immutable; the ranges array is never written after construction.
 */
final class PerChannelQuantizer implements Quantizer {

    private final float limit;
    private final int tensorOffset;
    private final int run;
    private final int channels;
    private final float[] ranges;
    private final float[] toCode;
    private final float[] fromCode;

    PerChannelQuantizer(float limit, int tensorOffset, int run, int channels, float[] ranges) {
        this.limit = limit;
        this.tensorOffset = tensorOffset;
        this.run = run;
        this.channels = channels;
        this.ranges = ranges;
        this.toCode = new float[channels];
        this.fromCode = new float[channels];
        for (int c = 0; c < channels; c++) {
            float range = ranges[c];
            toCode[c] = range == 0f ? 0f : limit / range;
            fromCode[c] = range == 0f ? 0f : range / limit;
        }
    }

    @Override
    public void quantize(float[] data, int offset, int length) {
        final float l = limit;
        final float minusL = -limit;
        int i = offset;
        final int end = offset + length;
        while (i < end) {
            int relative = i - tensorOffset;
            int stop = Math.min(end, i + run - relative % run);
            final float s = toCode[(relative / run) % channels];
            for (; i < stop; i++) {
                data[i] = FloatRounding.roundHalfEven(Math.min(Math.max(data[i] * s, minusL), l));
            }
        }
    }

    @Override
    public void dequantize(float[] data, int offset, int length) {
        int i = offset;
        final int end = offset + length;
        while (i < end) {
            int relative = i - tensorOffset;
            int stop = Math.min(end, i + run - relative % run);
            final float s = fromCode[(relative / run) % channels];
            for (; i < stop; i++) {
                data[i] = data[i] * s;
            }
        }
    }

    @Override
    public QuantizerScales scales() {
        return new QuantizerScales() {
            @Override
            public ScaleEncoding encoding() {
                return ScaleEncoding.float32();
            }

            @Override
            public int count() {
                return channels;
            }

            @Override
            public float code(int index) {
                return ranges[index];
            }

            @Override
            public Quantizer withCodes(int[] indices, float[] codes, int length) {
                float[] corrupted = ranges.clone();
                for (int k = 0; k < length; k++) {
                    corrupted[indices[k]] = codes[k];
                }
                return new PerChannelQuantizer(limit, tensorOffset, run, channels, corrupted);
            }
        };
    }
}
