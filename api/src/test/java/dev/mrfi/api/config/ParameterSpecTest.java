package dev.mrfi.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class ParameterSpecTest {

    private static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .required("bit_width", ValueTypes.INT, "Bits of the code.")
            .constrainedBy(Constraint.intRange(1, 32));

    @Test
    void requiredParameterHasNoDefault() {
        assertThat(BIT_WIDTH.required()).isTrue();
        assertThat(BIT_WIDTH.defaultValue()).isEmpty();
        assertThat(BIT_WIDTH.defaultText()).isEqualTo("required");
        assertThat(BIT_WIDTH.name()).isEqualTo("bit_width");
        assertThat(BIT_WIDTH.description()).isEqualTo("Bits of the code.");
        assertThat(BIT_WIDTH.type()).isSameAs(ValueTypes.INT);
    }

    @Test
    void optionalParameterKeepsItsDefault() {
        ParameterSpec<Double> scale = ParameterSpec.optional("scale_factor", ValueTypes.FLOAT, 1.0, "Factor.");

        assertThat(scale.required()).isFalse();
        assertThat(scale.defaultValue()).contains(1.0);
        assertThat(scale.defaultText()).isEqualTo("1.0");
    }

    @Test
    void defaultTextUsesTheTypesFormat() {
        ValueType<Integer> percent = new ValueType<>() {
            @Override
            public String displayName() {
                return "percent";
            }

            @Override
            public Integer convert(Object raw) {
                return ValueTypes.toInt(raw, "percent");
            }

            @Override
            public String format(Integer value) {
                return value + "%";
            }
        };

        assertThat(ParameterSpec.optional("share", percent, 50, "Share.").defaultText()).isEqualTo("50%");
        assertThat(ParameterSpec.optional("range", ValueTypes.FLOAT_OR_AUTO, DynamicRange.AUTO, "Range.")
                .defaultText()).isEqualTo("auto");
    }

    @Test
    void optionalParameterNeedsADefault() {
        assertThatThrownBy(() -> ParameterSpec.optional("scale_factor", ValueTypes.FLOAT, null, "Factor."))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("defaultValue is null");
    }

    @Test
    void optionalWithoutDefaultPrintsNone() {
        ParameterSpec<String> name = ParameterSpec.optionalWithoutDefault("name", ValueTypes.STRING, "No name.");

        assertThat(name.required()).isFalse();
        assertThat(name.defaultValue()).isEmpty();
        assertThat(name.defaultText()).isEqualTo("none");
    }

    @Test
    void parameterNeedsANameAndADescription() {
        assertThatThrownBy(() -> ParameterSpec.required(" ", ValueTypes.INT, "Bits."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a parameter needs a name and a description");
        assertThatThrownBy(() -> ParameterSpec.required("bits", ValueTypes.INT, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParameterSpec.required(null, ValueTypes.INT, "Bits."))
                .isInstanceOf(NullPointerException.class).hasMessage("name is null");
    }

    @Test
    void typeTextListsEveryConstraintAfterTheTypeName() {
        ParameterSpec<Integer> plain = ParameterSpec.required("bit_width", ValueTypes.INT, "Bits.");

        assertThat(plain.typeText()).isEqualTo("int");
        assertThat(BIT_WIDTH.typeText()).isEqualTo("int, in [1, 32]");
        assertThat(BIT_WIDTH.constrainedBy(Constraint.intAtLeast(4)).typeText())
                .isEqualTo("int, in [1, 32], at least 4");
        assertThat(BIT_WIDTH).hasToString("bit_width (int, in [1, 32], required)");
    }

    @Test
    void constrainedByReturnsACopyAndLeavesTheOriginalUnchanged() {
        ParameterSpec<Integer> plain = ParameterSpec.required("bit_width", ValueTypes.INT, "Bits.");
        ParameterSpec<Integer> constrained = plain.constrainedBy(Constraint.intRange(1, 32));

        assertThat(plain.constraints()).isEmpty();
        assertThat(plain.bind(64L)).isEqualTo(64);
        assertThat(constrained.constraints()).hasSize(1);
        assertThat(constrained.required()).isTrue();
    }

    @Test
    void bindReturnsTheConvertedValue() {
        assertThat(BIT_WIDTH.bind(8L)).isEqualTo(8);
        assertThat(BIT_WIDTH.bind(32.0)).isEqualTo(32);
    }

    @Test
    void bindReportsAWrongTypeUnderTheParameterNameWithoutCheckingConstraints() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> BIT_WIDTH.bind("eight"));

        assertThat(e.problems()).map(ConfigProblem::toString)
                .containsExactly("[config/WrongType] bit_width: expected int, got 'eight'");
    }

    @Test
    void bindReportsEveryViolatedConstraint() {
        ParameterSpec<Integer> evenWidth = BIT_WIDTH
                .constrainedBy(Constraint.intAtLeast(4))
                .constrainedBy(new Constraint<>("even", v -> v % 2 == 0));

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> evenWidth.bind(33L));

        assertThat(e.problems()).map(ConfigProblem::toString).containsExactly(
                "[config/OutOfRange] bit_width: must be in [1, 32], got 33",
                "[config/OutOfRange] bit_width: must be even, got 33");
    }
}
