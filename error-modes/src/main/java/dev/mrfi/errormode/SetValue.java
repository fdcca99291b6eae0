package dev.mrfi.errormode;

import dev.mrfi.api.errormode.ErrorMode;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Writes a fixed value, or one listed value per value. */
final class SetValue implements ErrorMode {

    private final boolean perValue;
    private final float[] replacements;

    SetValue(FloatPerValue value) {
        this.perValue = !value.scalar();
        this.replacements = value.toFloats();
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        if (perValue) {
            PerValueLength.require("value", replacements.length, length);
            System.arraycopy(replacements, 0, values, offset, length);
        } else {
            Arrays.fill(values, offset, offset + length, replacements[0]);
        }
    }

    @Override
    public String toString() {
        return "SetValue(value=" + (perValue ? Arrays.toString(replacements) : replacements[0]) + ")";
    }
}
