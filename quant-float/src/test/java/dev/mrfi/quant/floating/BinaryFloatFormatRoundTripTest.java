package dev.mrfi.quant.floating;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The float32 fast path of {@link BinaryFloatFormat#roundTrip} against the exact encode and decode it
 * replaces, for every format the plugins use: each representable value, each midpoint between neighbours
 * (the ties) and the floats just beside it, values beyond the largest finite one, subnormals of both
 * formats, specials, and a million random bit patterns.
 */
class BinaryFloatFormatRoundTripTest {

    private static List<BinaryFloatFormat> formats() {
        List<BinaryFloatFormat> formats = new ArrayList<>(List.of(Float16Quantization.FORMAT, Fp8Quantization.E4M3,
                Fp8Quantization.E5M2));
        for (MxElementFormat element : MxElementFormat.values()) {
            if (element.binaryFormat() != null) {
                formats.add(element.binaryFormat());
            }
        }
        return formats;
    }

    @Test
    void fastRoundTripGivesTheBitsOfEncodeThenDecode() {
        SplittableRandom random = new SplittableRandom(3);
        for (BinaryFloatFormat format : formats()) {
            List<Float> inputs = new ArrayList<>(List.of(0f, -0f, Float.NaN, -Float.NaN, Float.POSITIVE_INFINITY,
                    Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -Float.MIN_VALUE,
                    Float.MIN_NORMAL, Float.intBitsToFloat(0x7fa00001)));
            int codes = 1 << format.width();
            for (int code = 0; code < codes; code++) {
                float value = format.decode(code);
                float next = code + 1 < codes ? format.decode(code + 1) : value * 2;
                float middle = (float) (((double) value + next) / 2);
                for (float x : new float[] {value, middle, Math.nextUp(middle), Math.nextDown(middle), next * 1.5f}) {
                    inputs.add(x);
                    inputs.add(-x);
                }
            }
            for (int i = 0; i < 1_000_000; i++) {
                inputs.add(Float.intBitsToFloat(random.nextInt()));
            }
            for (float x : inputs) {
                assertThat(Float.floatToRawIntBits(format.roundTrip(x)))
                        .as("%s of %s (bits %08x)", format, x, Float.floatToRawIntBits(x))
                        .isEqualTo(Float.floatToRawIntBits(format.decode(format.encode(x))));
            }
        }
    }
}
