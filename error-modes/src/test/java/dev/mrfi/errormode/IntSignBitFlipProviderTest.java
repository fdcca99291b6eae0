package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntSignBitFlipProviderTest extends ErrorModeContractTest {

    private static final IntSignBitFlipProvider PROVIDER = new IntSignBitFlipProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new IntSignBitFlipProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8), Map.of("bit_width", 16, "signed", true),
                Map.of("bit_width", 8, "signed", false), Map.of("bit_width", 32), Map.of("bit_width", 1));
    }

    @Test
    void flipsTheTwosComplementSignBitAsTheReferenceDoes() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8), 1, 2, 3)).containsExactly(-127, -126, -125);
        assertThat(applied(PROVIDER, Map.of("bit_width", 8), 0, 1, 127, -1, -128))
                .containsExactly(-128, -127, -1, 127, 0);
    }

    @Test
    void outOfRangeCodesLeaveTheRangeAsInTheReference() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8), 200, 300)).containsExactly(-184, -340);
    }

    @Test
    void truncatesTowardZeroBeforeFlipping() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8), 1.7f, -1.7f, -0.4f))
                .containsExactly(-127, 127, -128);
    }

    @Test
    void readsNaNInfinitiesAndHugeValuesAsMinusTwoToThe31() {
        float flippedMinimum = Integer.MIN_VALUE ^ -128;
        assertThat(flippedMinimum).isEqualTo(2147483520f);
        assertThat(applied(PROVIDER, Map.of("bit_width", 8), Float.NaN, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, 3e9f, -3e9f, 0x1p31f, -0x1p31f))
                .containsOnly(flippedMinimum);
    }

    @Test
    void atThirtyTwoBitsTheResultLosesPrecisionInFloat32() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 32), 1f)).containsExactly(-2147483648f);
    }

    @Test
    void oneBitCodesFlipBetweenZeroAndMinusOne() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 1), 0, -1)).containsExactly(-1, 0);
    }

    @Test
    void unsignedCodesFlipTheTopBitWithoutSignExtension() {
        // the reference gives -256 and -129 here, outside any 8-bit range
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "signed", false), 0, 128, 255, 127))
                .containsExactly(128, 0, 127, 255);
        assertThat(applied(PROVIDER, Map.of("bit_width", 32, "signed", false), 0, 4294967040f))
                .containsExactly(2147483648f, 2147483392f);
    }

    @Test
    void describesItsCodeForTheQuantizationCrossCheck() {
        assertThat(create(PROVIDER, Map.of("bit_width", 16)).code()).contains(IntegerCode.signed(16));
        assertThat(create(PROVIDER, Map.of("bit_width", 8, "signed", "no")).code())
                .contains(IntegerCode.unsigned(8));
    }

    @Test
    void rejectsBitWidthsOutsideOneToThirtyTwo() {
        assertRejected(PROVIDER, Map.of("bit_width", 64))
                .hasMessageContaining("[config/OutOfRange] bit_width: must be in [1, 32], got 64");
        assertRejected(PROVIDER, Map.of("bit_width", 0)).hasMessageContaining("[config/OutOfRange] bit_width");
        assertRejected(PROVIDER, Map.of()).hasMessageContaining("[config/MissingParameter] bit_width");
        assertRejected(PROVIDER, Map.of("bit_width", 8.5)).hasMessageContaining("[config/WrongType] bit_width");
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", 3))
                .hasMessageContaining("[config/UnknownParameter] bit");
    }
}
