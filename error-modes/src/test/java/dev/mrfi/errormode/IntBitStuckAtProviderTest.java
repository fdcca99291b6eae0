package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntBitStuckAtProviderTest extends ErrorModeContractTest {

    private static final IntBitStuckAtProvider PROVIDER = new IntBitStuckAtProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new IntBitStuckAtProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8, "bit", 7, "value", 1), Map.of("bit_width", 16, "bit", 3, "value", 0),
                Map.of("bit_width", 8, "bit", perValue(1, 6), "value", 1, "signed", false));
    }

    @Test
    void forcesTheBitAndLeavesCodesAlreadyAtThatValue() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", 0, "value", 1), 4, 5, -4))
                .containsExactly(5, 5, -3);
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", 0, "value", 0), 4, 5, -3))
                .containsExactly(4, 4, -4);
    }

    @Test
    void theSignedTopBitStaysSignExtended() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", 7, "value", 1), 5, -5, 0))
                .containsExactly(-123, -5, -128);
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", 7, "value", 0), 5, -5, -128))
                .containsExactly(5, 123, 0);
    }

    @Test
    void unsignedCodesForceAPlainBit() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", 7, "value", 0, "signed", false), 200, 5))
                .containsExactly(72, 5);
        assertThat(create(PROVIDER, Map.of("bit_width", 8, "bit", 7, "value", 0, "signed", false)).code())
                .contains(IntegerCode.unsigned(8));
    }

    @Test
    void aValueAlreadyAtTheBitIsUnchangedEvenIfNotWhole() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", 0, "value", 1), 5.5f, 4.5f))
                .containsExactly(5.5f, 5f);
    }

    @Test
    void everyResultHasTheBitForcedAndNoOtherBitChanged() {
        SplittableRandom random = new SplittableRandom(61);
        for (int trial = 0; trial < 200; trial++) {
            int bitWidth = random.nextInt(2, 25);
            int bit = random.nextInt(bitWidth);
            int value = random.nextInt(2);
            ErrorMode mode = create(PROVIDER, Map.of("bit_width", bitWidth, "bit", bit, "value", value));
            float[] input = new float[100];
            for (int i = 0; i < input.length; i++) {
                input[i] = random.nextInt(-(1 << (bitWidth - 1)), 1 << (bitWidth - 1));
            }
            float[] output = applied(mode, trial, input);
            long mask = (1L << bitWidth) - 1;
            for (int i = 0; i < input.length; i++) {
                long before = (long) input[i] & mask;
                long after = (long) output[i] & mask;
                boolean sticks = (after >>> bit & 1) == value && ((before ^ after) & ~(1L << bit)) == 0;
                if (!sticks || !IntegerCode.signed(bitWidth).holds((long) output[i], (long) output[i])) {
                    fail("bit %d stuck at %d at %d bits: %s became %s", bit, value, bitWidth, input[i], output[i]);
                }
            }
        }
    }

    @Test
    void rejectsValuesOtherThanZeroAndOneAndBitsOutsideTheWidth() {
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", 1, "value", 2))
                .hasMessageContaining("[config/OutOfRange] value: must be in [0, 1], got 2");
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", 8, "value", 1))
                .hasMessageContaining("[config/OutOfRange] bit: must be in [0, 8) for bit_width 8, got 8");
    }
}
