package dev.mrfi.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintTest {

    @Test
    void intRangeIncludesBothBoundsAndNothingBeyond() {
        Constraint<Integer> range = Constraint.intRange(1, 32);

        assertThat(range.description()).isEqualTo("in [1, 32]");
        assertThat(range.test().test(1)).isTrue();
        assertThat(range.test().test(32)).isTrue();
        assertThat(range.test().test(0)).isFalse();
        assertThat(range.test().test(33)).isFalse();
    }

    @Test
    void intRangeWithReasonPutsTheReasonIntoItsDescription() {
        Constraint<Integer> range = Constraint.intRange(2, 26, "a symmetric code needs at least 2 bits");

        assertThat(range.description()).isEqualTo("in [2, 26]: a symmetric code needs at least 2 bits");
        assertThat(range.test().test(2)).isTrue();
        assertThat(range.test().test(26)).isTrue();
        assertThat(range.test().test(1)).isFalse();
        assertThat(range.test().test(27)).isFalse();
    }

    @Test
    void intAtLeastIncludesItsBound() {
        Constraint<Integer> atLeast = Constraint.intAtLeast(0);

        assertThat(atLeast.description()).isEqualTo("at least 0");
        assertThat(atLeast.test().test(0)).isTrue();
        assertThat(atLeast.test().test(Integer.MAX_VALUE)).isTrue();
        assertThat(atLeast.test().test(-1)).isFalse();
        assertThat(atLeast.test().test(Integer.MIN_VALUE)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.MIN_VALUE, 1.0, Double.MAX_VALUE})
    void positiveAcceptsFiniteNumbersAboveZero(double value) {
        assertThat(Constraint.positive().test().test(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -Double.MIN_VALUE, -1.0,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void positiveRejectsZeroNegativesNaNAndInfinities(double value) {
        assertThat(Constraint.positive().test().test(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE})
    void finiteAcceptsEveryFiniteNumber(double value) {
        assertThat(Constraint.finite().test().test(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void finiteRejectsNaNAndInfinities(double value) {
        assertThat(Constraint.finite().test().test(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE})
    void nonNegativeAcceptsZeroAndFiniteNumbersAboveIt(double value) {
        assertThat(Constraint.nonNegative().test().test(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-Double.MIN_VALUE, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonNegativeRejectsNegativesNaNAndInfinities(double value) {
        assertThat(Constraint.nonNegative().test().test(value)).isFalse();
    }

    @Test
    void positiveOrAutoAcceptsAutoAndFiniteRangesAboveZero() {
        Constraint<DynamicRange> constraint = Constraint.positiveOrAuto();

        assertThat(constraint.test().test(DynamicRange.AUTO)).isTrue();
        assertThat(constraint.test().test(DynamicRange.of(Double.MIN_VALUE))).isTrue();
        assertThat(constraint.test().test(DynamicRange.of(Double.MAX_VALUE))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void positiveOrAutoRejectsFixedRangesThatAreNotFiniteAndAboveZero(double value) {
        assertThat(Constraint.positiveOrAuto().test().test(DynamicRange.of(value))).isFalse();
    }

    @Test
    void floatConstraintsDescribeWhatIsAllowed() {
        assertThat(Constraint.positive().description()).isEqualTo("a finite number greater than 0");
        assertThat(Constraint.finite().description()).isEqualTo("a finite number");
        assertThat(Constraint.nonNegative().description()).isEqualTo("a finite number of at least 0");
        assertThat(Constraint.positiveOrAuto().description()).isEqualTo("'auto' or a finite number greater than 0");
    }

    @Test
    void violatedConstraintReadsMustBeDescriptionGotValue() {
        ParameterSpec<Integer> bitWidth = ParameterSpec.required("bit_width", ValueTypes.INT, "Bits.")
                .constrainedBy(Constraint.intRange(1, 32));

        assertThat(problemOf(bitWidth, 64L))
                .hasToString("[config/OutOfRange] bit_width: must be in [1, 32], got 64");
    }

    @Test
    void violatedRangeWithReasonSaysWhy() {
        ParameterSpec<Integer> bitWidth = ParameterSpec.required("bit_width", ValueTypes.INT, "Bits.")
                .constrainedBy(Constraint.intRange(2, 26, "a symmetric code needs at least 2 bits"));

        assertThat(problemOf(bitWidth, 1L)).hasToString(
                "[config/OutOfRange] bit_width: must be in [2, 26]: a symmetric code needs at least 2 bits, got 1");
    }

    @Test
    void violatedConstraintQuotesTheValueAsWritten() {
        ParameterSpec<Double> bias = ParameterSpec.optional("bias", ValueTypes.FLOAT, 0.0, "Bias.")
                .constrainedBy(Constraint.finite());

        assertThat(problemOf(bias, ".nan"))
                .hasToString("[config/OutOfRange] bias: must be a finite number, got '.nan'");
        assertThat(problemOf(bias, Double.NEGATIVE_INFINITY))
                .hasToString("[config/OutOfRange] bias: must be a finite number, got -Infinity");
    }

    private static ConfigProblem problemOf(ParameterSpec<?> spec, Object raw) {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> spec.bind(raw));
        assertThat(e).as("binding %s to %s", raw, spec.name()).isNotNull();
        assertThat(e.problems()).hasSize(1);
        return e.problems().get(0);
    }
}
