package dev.mrfi.errormode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatFormatTest {

    @Test
    void float32AndFloat64HoldEveryFloat32PatternExactly() {
        SplittableRandom random = new SplittableRandom(91);
        for (int i = 0; i < 200_000; i++) {
            float value = Float.intBitsToFloat(random.nextInt());
            for (FloatFormat format : new FloatFormat[] {FloatFormat.FLOAT32, FloatFormat.FLOAT64}) {
                float back = format.value(format.bits(value));
                boolean same = Float.isNaN(value) ? Float.isNaN(back)
                        : Float.floatToRawIntBits(back) == Float.floatToRawIntBits(value);
                if (!same) {
                    assertThat(back).as("%s through %s", value, format).isEqualTo(value);
                }
            }
        }
    }

    @Test
    void nanConversionsThroughFloat64QuietTheNaNAndKeepSignAndPayload() {
        long pattern = FloatFormat.FLOAT64.bits(Float.intBitsToFloat(0xff80_0001));
        assertThat(pattern).isEqualTo(0xfff8_0000_2000_0000L);
        assertThat(Float.floatToRawIntBits(FloatFormat.FLOAT64.value(0x7ff0_0000_0000_0001L))).isEqualTo(0x7fc0_0000);
        assertThat(Float.floatToRawIntBits(FloatFormat.FLOAT64.value(0xfff4_0000_0000_0000L))).isEqualTo(0xffe0_0000);
    }

    @Test
    void float64ValuesRoundToNearestFloat32AndOverflowToInfinity() {
        assertThat(FloatFormat.FLOAT64.value(Double.doubleToRawLongBits(0.1))).isEqualTo(0.1f);
        assertThat(FloatFormat.FLOAT64.value(Double.doubleToRawLongBits(1e300))).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(FloatFormat.FLOAT64.value(Double.doubleToRawLongBits(-1e-300))).isEqualTo(-0f);
    }

    @Test
    void knowsTheWidthsAndNamesOfTheConfigurations() {
        assertThat(FloatFormat.named("float16").width()).isEqualTo(16);
        assertThat(FloatFormat.named("float32").width()).isEqualTo(32);
        assertThat(FloatFormat.named("float64").width()).isEqualTo(64);
        assertThat(FloatFormat.FLOAT16).hasToString("float16");
    }
}
