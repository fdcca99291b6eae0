package com.example.mrfi.logquant;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;

/** Power-of-two quantization with a configured range or a per-tensor ({@code auto}) range. Immutable. */
final class LogQuantization implements Quantization {

    private final int bitWidth;
    /** Null for an auto range. */
    private final LogQuantizer fixed;

    LogQuantization(int bitWidth, double range) {
        this.bitWidth = bitWidth;
        this.fixed = LogQuantizer.forRange(bitWidth, range);
    }

    LogQuantization(int bitWidth) {
        this.bitWidth = bitWidth;
        this.fixed = null;
    }

    @Override
    public IntegerCode code() {
        return IntegerCode.signed(bitWidth);
    }

    @Override
    public Quantizer forTensor(float[] data, int offset, int length) {
        if (fixed != null) {
            return fixed;
        }
        float max = 0f;
        for (int i = offset, end = offset + length; i < end; i++) {
            float magnitude = Math.abs(data[i]);
            // NaN fails the comparison, so it is ignored
            if (magnitude > max) {
                max = magnitude;
            }
        }
        return LogQuantizer.forRange(bitWidth, max);
    }

    @Override
    public String toString() {
        return "LogQuantization(bit_width=" + bitWidth + ", dynamic_range=" + (fixed == null ? "auto" : fixed) + ")";
    }
}
