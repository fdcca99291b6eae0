package dev.mrfi.errormode;

import static dev.mrfi.errormode.Modes.applied;
import static dev.mrfi.errormode.Modes.assertRejected;
import static dev.mrfi.errormode.Modes.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.testkit.ErrorModeContractTest;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SetValueProviderTest extends ErrorModeContractTest {

    private static final SetValueProvider PROVIDER = new SetValueProvider();

    @Override
    protected ErrorModeProvider provider() {
        return new SetValueProvider();
    }

    @Override
    protected List<Map<String, Object>> validConfigs() {
        return List.of(Map.of("value", 0.125), Map.of("value", "1e-3"), Map.of("value", perValue(1.5, -2L, "3e2")));
    }

    @Test
    void writesTheValueRoundedToFloat32() {
        assertThat(applied(PROVIDER, Map.of("value", 0.1), 1f, 2f)).containsExactly(0.1f, 0.1f);
        assertThat(applied(PROVIDER, Map.of("value", 7L), 1f)).containsExactly(7f);
    }

    @Test
    void acceptsNumbersThatYamlReadsAsStrings() {
        assertThat(applied(PROVIDER, Map.of("value", "1e-3"), 1f)).containsExactly(0.001f);
        assertThat(applied(PROVIDER, Map.of("value", ".nan"), 1f)).containsExactly(Float.NaN);
        assertThat(applied(PROVIDER, Map.of("value", "-inf"), 1f)).containsExactly(Float.NEGATIVE_INFINITY);
    }

    @Test
    void aListGivesOneValuePerSelectedValue() {
        assertThat(applied(PROVIDER, Map.of("value", List.of(1, "2.5", -3.25)), 0f, 0f, 0f))
                .containsExactly(1f, 2.5f, -3.25f);
    }

    @Test
    void aListOfTheWrongLengthFailsNamingTheParameterAndBothCounts() {
        ErrorMode mode = create(PROVIDER, Map.of("value", List.of(1.0, 2.0)));
        assertThatThrownBy(() -> mode.apply(new float[3], 0, 1, new SplittableRandom(1)))
                .isInstanceOf(InjectionException.class)
                .hasMessageContaining("parameter 'value' is a list of 2 entries but 1 value was selected");
    }

    @Test
    void rejectsMissingAndNonNumericValues() {
        assertRejected(PROVIDER, Map.of()).hasMessageContaining("[config/MissingParameter] value");
        assertRejected(PROVIDER, Map.of("value", "abc"))
                .hasMessageContaining("[config/WrongType] value: expected float or list[float], got 'abc'");
        assertRejected(PROVIDER, Map.of("value", List.of(1, "x")))
                .hasMessageContaining("[config/WrongType] value");
    }
}
