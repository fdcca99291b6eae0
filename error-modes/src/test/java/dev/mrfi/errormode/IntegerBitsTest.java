package dev.mrfi.errormode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntegerBitsTest {

    @Test
    void readsCodesLikeTensorIntOnAnX86Cpu() {
        assertThat(IntegerBits.toInt32(2147483520f)).as("largest float below 2^31").isEqualTo(2147483520);
        assertThat(IntegerBits.toInt32(0x1p31f)).isEqualTo(Integer.MIN_VALUE);
        assertThat(IntegerBits.toInt32(-0x1p31f)).isEqualTo(Integer.MIN_VALUE);
        assertThat(IntegerBits.toInt32(Math.nextDown(-0x1p31f))).isEqualTo(Integer.MIN_VALUE);
        assertThat(IntegerBits.toInt32(Float.NaN)).isEqualTo(Integer.MIN_VALUE);
        assertThat(IntegerBits.toInt32(Float.POSITIVE_INFINITY)).isEqualTo(Integer.MIN_VALUE);
        assertThat(IntegerBits.toInt32(Float.NEGATIVE_INFINITY)).isEqualTo(Integer.MIN_VALUE);
        assertThat(IntegerBits.toInt32(-1.7f)).isEqualTo(-1);
        assertThat(IntegerBits.toInt32(-0.4f)).isEqualTo(0);
        assertThat(IntegerBits.toInt32(1.7f)).isEqualTo(1);
        assertThat(IntegerBits.toInt64(4294967040f)).isEqualTo(4294967040L);
        assertThat(IntegerBits.toInt64(Float.NaN)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void theSignedTopBitMaskSetsEveryBitFromTheSignUp() {
        assertThat(new IntegerBits(4, true).flip(0f, 3)).isEqualTo(-8f);
        assertThat(new IntegerBits(4, false).flip(0f, 3)).isEqualTo(8f);
        assertThat(new IntegerBits(32, true).flip(0f, 31)).isEqualTo(-0x1p31f);
        assertThat(new IntegerBits(4, true).flipAll(0f, 0b1001)).isEqualTo(-7f);
        assertThat(new IntegerBits(4, false).flipAll(0f, 0b1001)).isEqualTo(9f);
    }
}
