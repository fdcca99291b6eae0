package dev.mrfi.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParameterSchemaTest {

    private static final ParameterSpec<Integer> BIT_WIDTH = ParameterSpec
            .required("bit_width", ValueTypes.INT, "Bits of the code.")
            .constrainedBy(Constraint.intRange(1, 32));
    private static final ParameterSpec<DynamicRange> DYNAMIC_RANGE = ParameterSpec
            .required("dynamic_range", ValueTypes.FLOAT_OR_AUTO, "Largest magnitude represented.")
            .constrainedBy(Constraint.positiveOrAuto());
    private static final ParameterSpec<Double> SCALE_FACTOR = ParameterSpec
            .optional("scale_factor", ValueTypes.FLOAT, 1.0, "Extra factor applied to the range.")
            .constrainedBy(Constraint.positive());
    private static final ParameterSpec<Boolean> SIGNED = ParameterSpec
            .optional("signed", ValueTypes.BOOLEAN, true, "Whether the code is signed.");
    private static final ParameterSpec<List<Integer>> DIMENSIONS = ParameterSpec
            .optionalWithoutDefault("dimensions", ValueTypes.INT_LIST, "Dimensions to select; all when absent.");

    private static final ParameterSchema SCHEMA =
            ParameterSchema.of(BIT_WIDTH, DYNAMIC_RANGE, SCALE_FACTOR, SIGNED, DIMENSIONS);

    private static final ParameterSpec<Double> LOW = ParameterSpec
            .optional("low", ValueTypes.FLOAT, -1.0, "Lower end, included.");
    private static final ParameterSpec<Double> HIGH = ParameterSpec
            .optional("high", ValueTypes.FLOAT, 1.0, "Upper end, excluded.")
            .constrainedBy(Constraint.finite());
    private static final ParameterRule LOW_BELOW_HIGH = config -> config.get(LOW) < config.get(HIGH) ? List.of()
            : List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, "high",
                    "must be greater than low (" + config.get(LOW) + "), got " + config.get(HIGH)));

    @Test
    void bindReturnsTypedValuesForValidInput() {
        PluginConfig config = SCHEMA.bind(Map.of(
                "bit_width", 8L,
                "dynamic_range", "auto",
                "scale_factor", "1e-3",
                "signed", "no",
                "dimensions", List.of(1L, 2L)));

        assertThat(config.get(BIT_WIDTH)).isEqualTo(8);
        assertThat(config.get(DYNAMIC_RANGE)).isEqualTo(DynamicRange.AUTO);
        assertThat(config.get(SCALE_FACTOR)).isEqualTo(0.001);
        assertThat(config.get(SIGNED)).isFalse();
        assertThat(config.get(DIMENSIONS)).containsExactly(1, 2);
    }

    @Test
    void bindLeavesAbsentOptionalParametersToTheirDefaults() {
        PluginConfig config = SCHEMA.bind(Map.of("bit_width", 8L, "dynamic_range", 2.5));

        assertThat(config.values()).containsOnlyKeys("bit_width", "dynamic_range");
        assertThat(config.has(SCALE_FACTOR)).isFalse();
        assertThat(config.get(SCALE_FACTOR)).isEqualTo(1.0);
        assertThat(config.get(SIGNED)).isTrue();
        assertThat(config.get(DYNAMIC_RANGE)).isEqualTo(DynamicRange.of(2.5));
    }

    @Test
    void absentParameterWithoutDefaultHasNoValue() {
        PluginConfig config = SCHEMA.bind(Map.of("bit_width", 8L, "dynamic_range", 2.5));

        assertThat(config.has(DIMENSIONS)).isFalse();
        assertThatThrownBy(() -> config.get(DIMENSIONS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("parameter 'dimensions' was not given and has no default");
    }

    @Test
    void bindTreatsNullValuesAsAbsent() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("bit_width", 8L);
        raw.put("dynamic_range", 1.0);
        raw.put("scale_factor", null);
        raw.put("dimensions", null);

        PluginConfig config = SCHEMA.bind(raw);

        assertThat(config.has(SCALE_FACTOR)).isFalse();
        assertThat(config.get(SCALE_FACTOR)).isEqualTo(1.0);
        assertThat(config.has(DIMENSIONS)).isFalse();
    }

    @Test
    void bindReportsARequiredParameterWithNullValueAsMissing() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("bit_width", null);
        raw.put("dynamic_range", 1.0);

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> SCHEMA.bind(raw));

        assertThat(e.problems()).extracting(ConfigProblem::id, ConfigProblem::path)
                .containsExactly(tuple(ErrorId.MISSING_PARAMETER, "bit_width"));
    }

    @Test
    void bindCollectsEveryProblemInOneException() {
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("bit_widht", 8L);
        raw.put("scale_factor", "fast");
        raw.put("dynamic_range", -1.0);
        raw.put("signed", true);

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> SCHEMA.bind(raw));

        assertThat(e.problems()).map(ConfigProblem::toString).containsExactly(
                "[config/UnknownParameter] bit_widht: unknown parameter 'bit_widht'."
                        + " Allowed: [bit_width, dimensions, dynamic_range, scale_factor, signed]."
                        + " Did you mean 'bit_width'?",
                "[config/WrongType] scale_factor: expected float, got 'fast'",
                "[config/OutOfRange] dynamic_range: must be 'auto' or a finite number greater than 0, got -1.0",
                "[config/MissingParameter] bit_width: required parameter 'bit_width' (int, in [1, 32]) is missing."
                        + " Bits of the code.");
        assertThat(e).hasMessageStartingWith("MRFI-J configuration errors:\n\n1) [config/UnknownParameter] bit_widht")
                .hasMessageEndingWith("\n4 errors");
    }

    @Test
    void bindReportsEveryMissingRequiredParameterWithItsTypeAndDescription() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class, () -> SCHEMA.bind(Map.of()));

        assertThat(e.problems()).map(ConfigProblem::toString).containsExactly(
                "[config/MissingParameter] bit_width: required parameter 'bit_width' (int, in [1, 32]) is missing."
                        + " Bits of the code.",
                "[config/MissingParameter] dynamic_range: required parameter 'dynamic_range'"
                        + " (float or 'auto', 'auto' or a finite number greater than 0) is missing."
                        + " Largest magnitude represented.");
    }

    @Test
    void unknownParameterFarFromEveryNameGetsNoHint() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> SCHEMA.bind(Map.of("bit_width", 8L, "dynamic_range", 1.0, "zzz", 1L)));

        assertThat(e.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.id()).isEqualTo(ErrorId.UNKNOWN_PARAMETER);
            assertThat(problem.path()).isEqualTo("zzz");
            assertThat(problem.message()).isEqualTo("unknown parameter 'zzz'."
                    + " Allowed: [bit_width, dimensions, dynamic_range, scale_factor, signed].");
        });
    }

    @Test
    void emptySchemaRejectsAnyParameterWithAllowedNone() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> ParameterSchema.empty().bind(Map.of("bits", 8L)));

        assertThat(e.problems()).map(ConfigProblem::toString)
                .containsExactly("[config/UnknownParameter] bits: unknown parameter 'bits'. Allowed: none.");
        assertThat(ParameterSchema.empty().bind(Map.of()).values()).isEmpty();
    }

    @Test
    void schemaOfNoSpecsIsTheEmptySchema() {
        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> ParameterSchema.of().bind(Map.of("bits", 8L)));

        assertThat(e.problems()).singleElement().extracting(ConfigProblem::message)
                .isEqualTo("unknown parameter 'bits'. Allowed: none.");
    }

    @Test
    void rulesSeeTheTypedConfigurationWithDefaults() {
        ParameterSchema schema = ParameterSchema.of(LOW, HIGH).withRule(LOW_BELOW_HIGH);

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> schema.bind(Map.of("low", "2")));

        assertThat(e.problems()).map(ConfigProblem::toString)
                .containsExactly("[config/OutOfRange] high: must be greater than low (2.0), got 1.0");
        assertThat(schema.bind(Map.of("low", 0.5)).get(LOW)).isEqualTo(0.5);
    }

    @Test
    void everyRuleRunsAndAllTheirProblemsAreReported() {
        ParameterRule lowNotZero = config -> config.get(LOW) != 0.0 ? List.of()
                : List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, "low", "must not be 0"));
        ParameterSchema schema = ParameterSchema.of(LOW, HIGH).withRule(LOW_BELOW_HIGH).withRule(lowNotZero);

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> schema.bind(Map.of("low", 0.0, "high", -1.0)));

        assertThat(e.problems()).map(ConfigProblem::path).containsExactly("high", "low");
        assertThat(e).hasMessageEndingWith("\n2 errors");
    }

    @Test
    void rulesDoNotRunWhileAParameterIsInvalid() {
        AtomicInteger runs = new AtomicInteger();
        ParameterSchema schema = ParameterSchema.of(LOW, HIGH).withRule(config -> {
            runs.incrementAndGet();
            return List.of(new ConfigProblem(ErrorId.OUT_OF_RANGE, "low", "rule problem"));
        });

        ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
                () -> schema.bind(Map.of("high", ".inf")));

        assertThat(e.problems()).map(ConfigProblem::toString)
                .containsExactly("[config/OutOfRange] high: must be a finite number, got '.inf'");
        assertThat(runs).hasValue(0);
    }

    @Test
    void withRuleLeavesTheOriginalSchemaUnchanged() {
        ParameterSchema lenient = ParameterSchema.of(LOW, HIGH);
        ParameterSchema strict = lenient.withRule(LOW_BELOW_HIGH);
        Map<String, Object> reversed = Map.of("low", 3.0, "high", 2.0);

        assertThat(lenient.bind(reversed).get(HIGH)).isEqualTo(2.0);
        assertThatThrownBy(() -> strict.bind(reversed)).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void rejectsDuplicateParameterNamesAtConstruction() {
        ParameterSpec<String> sameName = ParameterSpec.optional("bit_width", ValueTypes.STRING, "8", "Again.");

        assertThatThrownBy(() -> ParameterSchema.of(BIT_WIDTH, SIGNED, sameName))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter 'bit_width' is declared twice");
    }

    @Test
    void findReturnsTheSpecOfExactlyThatName() {
        assertThat(SCHEMA.find("scale_factor")).containsSame(SCALE_FACTOR);
        assertThat(SCHEMA.find("Scale_factor")).isEmpty();
        assertThat(SCHEMA.find("scale")).isEmpty();
    }

    @Test
    void namesAreSortedWhileSpecsKeepDeclarationOrder() {
        assertThat(SCHEMA.names())
                .containsExactly("bit_width", "dimensions", "dynamic_range", "scale_factor", "signed");
        assertThat(SCHEMA.specs()).containsExactly(BIT_WIDTH, DYNAMIC_RANGE, SCALE_FACTOR, SIGNED, DIMENSIONS);
        assertThatThrownBy(() -> SCHEMA.specs().add(BIT_WIDTH)).isInstanceOf(UnsupportedOperationException.class);
    }
}
