package dev.mrfi.errormode;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Flips n randomly placed bits of each code. */
final class IntMultiBitFlip implements ErrorMode {

    private final IntegerBits bits;
    private final int count;
    private final boolean adjacent;

    IntMultiBitFlip(IntegerBits bits, int count, boolean adjacent) {
        if (count < 1 || count > bits.bitWidth()) {
            throw new IllegalArgumentException("n must be in [1, " + bits.bitWidth() + "], got " + count);
        }
        this.bits = bits;
        this.count = count;
        this.adjacent = adjacent;
    }

    @Override
    public void apply(float[] values, int offset, int length, RandomGenerator random) {
        int width = bits.bitWidth();
        for (int i = offset, end = offset + length; i < end; i++) {
            values[i] = bits.flipAll(values[i], BitPositions.draw(random, width, count, adjacent));
        }
    }

    @Override
    public Optional<IntegerCode> code() {
        return Optional.of(bits.code());
    }

    @Override
    public String toString() {
        return "IntMultiBitFlip(" + bits + ", n=" + count + ", adjacent=" + adjacent + ")";
    }
}
