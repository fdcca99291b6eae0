package dev.mrfi.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypesTest {

    private static final ValueType<String> PRECISION = ValueTypes.choice("float32", "float16", "float64");

    @Test
    void typesHaveTheirDocumentedDisplayNames() {
        assertThat(List.of(ValueTypes.INT, ValueTypes.FLOAT, ValueTypes.BOOLEAN, ValueTypes.STRING,
                ValueTypes.FLOAT_OR_AUTO, ValueTypes.INT_LIST)).map(ValueType::displayName)
                .containsExactly("int", "float", "bool", "str", "float or 'auto'", "list[int]");
    }

    @Test
    void intAcceptsEveryBoxedIntegralType() {
        assertThat(ValueTypes.INT.convert(8)).isEqualTo(8);
        assertThat(ValueTypes.INT.convert(8L)).isEqualTo(8);
        assertThat(ValueTypes.INT.convert((short) -8)).isEqualTo(-8);
        assertThat(ValueTypes.INT.convert((byte) 8)).isEqualTo(8);
    }

    @Test
    void intAcceptsWholeFloatingPointValues() {
        assertThat(ValueTypes.INT.convert(8.0)).isEqualTo(8);
        assertThat(ValueTypes.INT.convert(3.0f)).isEqualTo(3);
        assertThat(ValueTypes.INT.convert(-16.0)).isEqualTo(-16);
    }

    @Test
    void intAcceptsBothEndsOfTheIntRangeWhateverTheNumberType() {
        assertThat(ValueTypes.INT.convert((long) Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ValueTypes.INT.convert((long) Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
        assertThat(ValueTypes.INT.convert((double) Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
        assertThat(ValueTypes.INT.convert((double) Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void intRejectsFractionalValues() {
        assertThatThrownBy(() -> ValueTypes.INT.convert(2.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected int, got 2.5");
        assertThatThrownBy(() -> ValueTypes.INT.convert(0.1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected int, got 0.1");
    }

    @Test
    void intRejectsNaNAndInfinities() {
        assertThatThrownBy(() -> ValueTypes.INT.convert(Double.NaN)).hasMessage("expected int, got NaN");
        assertThatThrownBy(() -> ValueTypes.INT.convert(Double.POSITIVE_INFINITY))
                .hasMessage("expected int, got Infinity");
        assertThatThrownBy(() -> ValueTypes.INT.convert(Double.NEGATIVE_INFINITY))
                .hasMessage("expected int, got -Infinity");
    }

    @Test
    void intRejectsLongsJustOutsideTheIntRange() {
        assertThatThrownBy(() -> ValueTypes.INT.convert(Integer.MAX_VALUE + 1L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected int, got 2147483648, which is outside the 32-bit integer range");
        assertThatThrownBy(() -> ValueTypes.INT.convert(Integer.MIN_VALUE - 1L))
                .hasMessage("expected int, got -2147483649, which is outside the 32-bit integer range");
    }

    @Test
    void intRejectsBigIntegersAsOutsideTheIntRange() {
        assertThatThrownBy(() -> ValueTypes.INT.convert(new BigInteger("100000000000000000000")))
                .hasMessage("expected int, got 100000000000000000000, which is outside the 32-bit integer range");
    }

    @Test
    void intRejectsWholeDoublesOutsideTheIntRange() {
        assertThatThrownBy(() -> ValueTypes.INT.convert(Integer.MAX_VALUE + 1.0))
                .hasMessage("expected int, got 2.147483648E9");
        assertThatThrownBy(() -> ValueTypes.INT.convert(Integer.MIN_VALUE - 1.0))
                .hasMessage("expected int, got -2.147483649E9");
    }

    @Test
    void intRejectsStringsAndBooleans() {
        assertThatThrownBy(() -> ValueTypes.INT.convert("8")).hasMessage("expected int, got '8'");
        assertThatThrownBy(() -> ValueTypes.INT.convert(true)).hasMessage("expected int, got true");
    }

    @Test
    void floatAcceptsIntegersAndDoubles() {
        assertThat(ValueTypes.FLOAT.convert(3L)).isEqualTo(3.0);
        assertThat(ValueTypes.FLOAT.convert(3)).isEqualTo(3.0);
        assertThat(ValueTypes.FLOAT.convert(0.25)).isEqualTo(0.25);
        assertThat(ValueTypes.FLOAT.convert(0.5f)).isEqualTo(0.5);
    }

    @Test
    void floatAcceptsStringsThatSpellANumber() {
        assertThat(ValueTypes.FLOAT.convert("1e-3")).isEqualTo(0.001);
        assertThat(ValueTypes.FLOAT.convert("1E+2")).isEqualTo(100.0);
        assertThat(ValueTypes.FLOAT.convert(" 2.5 ")).isEqualTo(2.5);
        assertThat(ValueTypes.FLOAT.convert("-3")).isEqualTo(-3.0);
        assertThat(ValueTypes.FLOAT.convert(".5")).isEqualTo(0.5);
        assertThat(ValueTypes.FLOAT.convert("1_000")).isEqualTo(1000.0);
    }

    @Test
    void floatReadsYamlNanAndInfinityStringsAsNonFiniteValuesForConstraintsToJudge() {
        assertThat(ValueTypes.FLOAT.convert(".nan")).isNaN();
        assertThat(ValueTypes.FLOAT.convert("NaN")).isNaN();
        assertThat(ValueTypes.FLOAT.convert(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ValueTypes.FLOAT.convert("+.Inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ValueTypes.FLOAT.convert("Infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(ValueTypes.FLOAT.convert("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ValueTypes.FLOAT.convert("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fast", "", "  ", "1.2.3", "+", "1d", "2f", "0x10", "1e", "nan nan", "infinite"})
    void floatRejectsStringsThatDoNotSpellANumber(String text) {
        assertThatThrownBy(() -> ValueTypes.FLOAT.convert(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected float, got '" + text + "'");
    }

    @Test
    void floatRejectsBooleansAndLists() {
        assertThatThrownBy(() -> ValueTypes.FLOAT.convert(false)).hasMessage("expected float, got false");
        assertThatThrownBy(() -> ValueTypes.FLOAT.convert(List.of(1.0)))
                .hasMessage("expected float, got a list [1.0]");
    }

    @Test
    void booleanAcceptsBooleansAndTheYamlWordsInAnyCase() {
        assertThat(ValueTypes.BOOLEAN.convert(true)).isTrue();
        assertThat(ValueTypes.BOOLEAN.convert(false)).isFalse();
        assertThat(List.of("true", "Yes", "ON")).allSatisfy(word -> assertThat(ValueTypes.BOOLEAN.convert(word)).isTrue());
        assertThat(List.of("FALSE", "no", "Off")).allSatisfy(word -> assertThat(ValueTypes.BOOLEAN.convert(word)).isFalse());
    }

    @Test
    void booleanRejectsOtherWordsAndNumbers() {
        assertThatThrownBy(() -> ValueTypes.BOOLEAN.convert("maybe")).hasMessage("expected bool, got 'maybe'");
        assertThatThrownBy(() -> ValueTypes.BOOLEAN.convert(1L)).hasMessage("expected bool, got 1");
    }

    @Test
    void stringAcceptsOnlyStrings() {
        assertThat(ValueTypes.STRING.convert("abc")).isEqualTo("abc");
        assertThat(ValueTypes.STRING.convert("")).isEmpty();
        assertThatThrownBy(() -> ValueTypes.STRING.convert(5L)).hasMessage("expected str, got 5");
        assertThatThrownBy(() -> ValueTypes.STRING.convert(true)).hasMessage("expected str, got true");
    }

    @Test
    void floatOrAutoReadsAutoAndItsSynonymMaxInAnyCase() {
        assertThat(List.of("auto", " AUTO ", "max", "Max"))
                .allSatisfy(text -> assertThat(ValueTypes.FLOAT_OR_AUTO.convert(text)).isEqualTo(DynamicRange.AUTO));
    }

    @Test
    void floatOrAutoReadsNumbersAsFixedRanges() {
        assertThat(ValueTypes.FLOAT_OR_AUTO.convert(2.5)).isEqualTo(DynamicRange.of(2.5));
        assertThat(ValueTypes.FLOAT_OR_AUTO.convert(3L)).isEqualTo(DynamicRange.of(3.0));
        assertThat(ValueTypes.FLOAT_OR_AUTO.convert("1e-3")).isEqualTo(DynamicRange.of(0.001));
        assertThat(ValueTypes.FLOAT_OR_AUTO.format(DynamicRange.AUTO)).isEqualTo("auto");
    }

    @Test
    void floatOrAutoRejectsOtherStringsAndBooleans() {
        assertThatThrownBy(() -> ValueTypes.FLOAT_OR_AUTO.convert("automatic"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected float or 'auto', got 'automatic'");
        assertThatThrownBy(() -> ValueTypes.FLOAT_OR_AUTO.convert(true))
                .hasMessage("expected float or 'auto', got true");
    }

    @Test
    void intListReadsListsOfWholeNumbers() {
        List<Integer> values = ValueTypes.INT_LIST.convert(List.of(1L, 2.0, 3));

        assertThat(values).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> values.add(4)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void intListReadsASingleIntegerAsAListOfOne() {
        assertThat(ValueTypes.INT_LIST.convert(4L)).containsExactly(4);
    }

    @Test
    void intListRejectsNullAndNonIntegerItemsAndOtherScalars() {
        assertThatThrownBy(() -> ValueTypes.INT_LIST.convert(Arrays.asList(1L, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected list[int], got a list [1, null]");
        assertThatThrownBy(() -> ValueTypes.INT_LIST.convert(List.of(1L, 2.5)))
                .hasMessage("expected list[int], got 2.5");
        assertThatThrownBy(() -> ValueTypes.INT_LIST.convert("1, 2"))
                .hasMessage("expected list[int], got '1, 2'");
    }

    @Test
    void choiceAcceptsExactlyTheListedValues() {
        assertThat(PRECISION.convert("float16")).isEqualTo("float16");
        assertThat(PRECISION.convert("float64")).isEqualTo("float64");
        assertThat(PRECISION.displayName()).isEqualTo("one of [float16, float32, float64]");
    }

    @Test
    void choiceRejectsOtherCaseWithAHint() {
        assertThatThrownBy(() -> PRECISION.convert("Float16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected one of [float16, float32, float64], got 'Float16' Did you mean 'float16'?");
    }

    @Test
    void choiceRejectsDistantStringsWithoutAHint() {
        assertThatThrownBy(() -> PRECISION.convert("double"))
                .hasMessage("expected one of [float16, float32, float64], got 'double'");
    }

    @Test
    void choiceRejectsNonStringsQuotingTheirText() {
        assertThatThrownBy(() -> PRECISION.convert(32L))
                .hasMessage("expected one of [float16, float32, float64], got '32'");
    }

    @Test
    void toIntAndToDoubleNameTheRequestedTypeInTheirMessages() {
        assertThat(ValueTypes.toInt(7L, "width")).isEqualTo(7);
        assertThat(ValueTypes.toDouble("7", "rate")).isEqualTo(7.0);
        assertThatThrownBy(() -> ValueTypes.toInt("x", "width")).hasMessage("expected width, got 'x'");
        assertThatThrownBy(() -> ValueTypes.toDouble("x", "rate")).hasMessage("expected rate, got 'x'");
    }

    @Test
    void wrongTypeDescribesTheValueFound() {
        assertThat(ValueTypes.wrongType("int", List.of(1L, 2L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected int, got a list [1, 2]");
    }

    @Test
    void describeQuotesStringsAndNamesContainers() {
        assertThat(ValueTypes.describe("abc")).isEqualTo("'abc'");
        assertThat(ValueTypes.describe(3.5)).isEqualTo("3.5");
        assertThat(ValueTypes.describe(null)).isEqualTo("null");
        assertThat(ValueTypes.describe(List.of(1L, "a"))).isEqualTo("a list [1, a]");
        assertThat(ValueTypes.describe(Map.of("a", 1L))).isEqualTo("a mapping {a=1}");
    }

    @Test
    void describeCutsLongStringsAndScalarsAt200Characters() {
        assertThat(ValueTypes.describe("x".repeat(250)))
                .isEqualTo("'" + "x".repeat(200) + "...' (250 characters)");
        assertThat(ValueTypes.describe("x".repeat(200))).isEqualTo("'" + "x".repeat(200) + "'");
        assertThat(ValueTypes.describe(new BigInteger("9".repeat(300)))).isEqualTo("9".repeat(200) + "...");
    }

    @Test
    void describeCutsLongLists() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            numbers.add(i);
        }

        assertThat(ValueTypes.describe(numbers)).startsWith("a list [0, 1, 2, ").endsWith("...")
                .hasSize("a list ".length() + 200 + "...".length());
    }

    @Test
    void describeStopsAtDepth16SoCyclicValuesAreSafe() {
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);

        assertThat(ValueTypes.describe(cyclic)).isEqualTo("a list " + "[".repeat(16) + "[...]" + "]".repeat(16));
    }
}
