package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntFixedBitFlipProviderTest extends ErrorModeContractTest {

    private static final IntFixedBitFlipProvider PROVIDER = new IntFixedBitFlipProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new IntFixedBitFlipProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("bit_width", 8, "bit", 3), Map.of("bit_width", 16, "bit", 15, "signed", false),
                Map.of("bit_width", 8, "bit", perValue(0, 7, 3, 5L)), Map.of("bit_width", 32, "bit", 31.0));
    }

    @Test
    void flipsTheGivenBitAsTheReferenceDoes() {
        float[] expected = {4, 7, 1, 13, 21, 37, 69, -123};
        for (int bit = 0; bit < 8; bit++) {
            assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", bit), 5f)).as("bit " + bit)
                    .containsExactly(expected[bit]);
        }
    }

    @Test
    void aListGivesOneBitPerValue() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", List.of(0, 1, 2, 3, 4, 5, 6, 7)),
                5, 5, 5, 5, 5, 5, 5, 5)).containsExactly(4, 7, 1, 13, 21, 37, 69, -123);
    }

    @Test
    void aListOfTheWrongLengthFailsNamingTheParameterAndBothCounts() {
        ErrorMode mode = create(PROVIDER, Map.of("bit_width", 8, "bit", List.of(0, 1, 2)));
        assertThatThrownBy(() -> mode.apply(new float[10], 4, 2, new SplittableRandom(1)))
                .isInstanceOf(InjectionException.class)
                .hasMessage("parameter 'bit' is a list of 3 entries but 2 values were selected; a list needs"
                        + " exactly one entry per selected value");
    }

    @Test
    void unsignedCodesFlipTheTopBitAsAPlainBit() {
        assertThat(applied(PROVIDER, Map.of("bit_width", 8, "bit", 7, "signed", false), 5f, 200f))
                .containsExactly(133f, 72f);
        assertThat(create(PROVIDER, Map.of("bit_width", 8, "bit", 7, "signed", false)).code())
                .contains(IntegerCode.unsigned(8));
    }

    @Test
    void rejectsBitsOutsideTheBitWidthIncludingListEntries() {
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", 8))
                .hasMessageContaining("[config/OutOfRange] bit: must be in [0, 8) for bit_width 8, got 8");
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", List.of(0, 9, 1)))
                .hasMessageContaining("[config/OutOfRange] bit: every entry must be in [0, 8) for bit_width 8,"
                        + " got 9 at index 1");
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", -1))
                .hasMessageContaining("[config/OutOfRange] bit: must be in [0, 31] (every entry of a list), got -1");
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", List.of()))
                .hasMessageContaining("[config/WrongType] bit: expected int or a non-empty list[int]");
        assertRejected(PROVIDER, Map.of("bit_width", 8, "bit", "3"))
                .hasMessageContaining("[config/WrongType] bit: expected int or list[int], got '3'");
        assertRejected(PROVIDER, Map.of("bit_width", 64, "bit", -1)).hasMessageContaining("2 errors");
    }
}
