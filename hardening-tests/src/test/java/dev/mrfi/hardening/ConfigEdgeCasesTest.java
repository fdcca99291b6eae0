package dev.mrfi.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.core.config.ConfigDocuments;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The inputs the fuzzers found crashes or unclear errors for, each pinned with its exact outcome. */
class ConfigEdgeCasesTest {

    private static List<ConfigProblem> problems(Object document) {
        try {
            ConfigOutcomes.LOADER.fromDocument(document);
        } catch (ConfigurationException e) {
            ConfigOutcomes.assertWellFormed(e, document, false);
            return e.problems();
        }
        throw new AssertionError("accepted: " + Plain.show(document));
    }

    private static List<ConfigProblem> problems(String yaml) {
        try {
            ConfigOutcomes.LOADER.parse(yaml, "test.yaml");
        } catch (ConfigurationException e) {
            return e.problems();
        }
        throw new AssertionError("accepted:\n" + yaml);
    }

    private static Map<Object, Object> entry(Object errorMode) {
        Map<Object, Object> entry = new LinkedHashMap<>();
        entry.put("type", "activation");
        entry.put("module_name", "fc");
        entry.put("error_mode", errorMode);
        return entry;
    }

    private static Map<Object, Object> document(Map<Object, Object> entry) {
        Map<Object, Object> document = new LinkedHashMap<>();
        document.put("faultinject", new ArrayList<>(List.of(entry)));
        return document;
    }

    @Test
    void keysThatAreNotStringsAreUnknownKeysSayingWhatTheyAre() {
        Map<Object, Object> block = new LinkedHashMap<>(Map.of("method", "SetValue", "value", 1.0));
        block.put(1L, "x");
        Map<Object, Object> entry = entry(block);
        entry.put(null, "y");
        Map<Object, Object> document = document(entry);
        document.put(List.of("a"), "z");
        assertThat(problems(document)).extracting(ConfigProblem::toString).containsExactly(
                "[config/UnknownKey] [a]: the key a list [a] is a list, not a name. Allowed: [allow_inconsistent_bit_width,"
                        + " faultinject, observe, seed].",
                "[config/UnknownKey] faultinject[0].null: the key null is null, not a name. Allowed: [activationid,"
                        + " enabled, error_mode, module_fullname, module_name, module_type, name, quantization, selector,"
                        + " target, type].",
                "[config/UnknownParameter] faultinject[0].error_mode.1: the parameter name 1 is a number, not a name."
                        + " Allowed: [value].");
    }

    @Test
    void yamlKeysThatAreNotPlainNamesAreReportedByLine() {
        assertThat(problems("1: x\nfaultinject: []\n")).extracting(ConfigProblem::toString).containsExactly(
                "[config/UnknownKey] 1: unknown key '1'. Allowed: [allow_inconsistent_bit_width, faultinject, observe,"
                        + " seed].");
        assertThat(problems("? [a]\n: b\nfaultinject: []\n").get(0).toString())
                .startsWith("[config/Syntax] cannot parse test.yaml at line 1, column 4: Expected a field name");
        assertThat(problems("'': x\nfaultinject: []\n")).extracting(ConfigProblem::path).containsExactly("''");
    }

    @Test
    void deeplyNestedAndCyclicValuesGiveShortMessagesInsteadOfAStackOverflow() {
        Object deep = new TreeMutator(new SplittableRandom(1), new StringBuilder(), false).deep(100_000);
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        for (Object value : List.of(deep, cycle)) {
            List<ConfigProblem> found = problems(document(entry(new LinkedHashMap<>(Map.of("method", "SetValue",
                    "value", value)))));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).id()).isEqualTo(ErrorId.WRONG_TYPE);
            assertThat(found.get(0).message()).hasSizeLessThan(400).contains("...");
        }
        assertThat(problems("faultinject: " + "[".repeat(201) + "]".repeat(201)).get(0).message())
                .isEqualTo("cannot parse test.yaml: Document nesting depth (201) exceeds the maximum allowed (200, from"
                        + " `StreamReadConstraints.getMaxNestingDepth()`)");
    }

    @Test
    void hugeValuesAreShownCut() {
        List<ConfigProblem> found = problems(document(entry(new LinkedHashMap<>(Map.of("method", "x".repeat(100_000))))));
        assertThat(found.get(0).message()).startsWith("unknown error mode 'xxx").contains("...' (100000 characters)")
                .hasSizeLessThan(600);
        List<Object> longList = new ArrayList<>(Collections.nCopies(100_000, 7L));
        found = problems(document(entry(new LinkedHashMap<>(Map.of("method", "IntRandom", "low", longList)))));
        assertThat(found.get(0).message()).startsWith("expected int, got a list [7, 7, 7").hasSizeLessThan(400);
    }

    @Test
    void aHundredThousandBadEntriesAreAllKeptButOnlyAHundredListed() {
        Map<Object, Object> document = new LinkedHashMap<>();
        document.put("faultinject", new ArrayList<>(Collections.nCopies(100_000, "entry")));
        ConfigurationException e = (ConfigurationException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigOutcomes.LOADER.fromDocument(document));
        assertThat(e.problems()).hasSize(100_000);
        assertThat(e.getMessage()).contains("100) [config/WrongStructure] faultinject[99]: an injector entry must be a"
                + " mapping, got 'entry'\n... and 99900 more (see problems())\n\n100000 errors").hasSizeLessThan(20_000);
    }

    @Test
    void yamlAliasesAndSecondDocumentsAreRejectedNotMisread() {
        assertThat(problems("base: &b {method: SetZero}\nfaultinject:\n  - {type: activation, module_name: fc,"
                + " error_mode: *b}\n").get(0).toString()).isEqualTo("[config/Syntax] cannot parse test.yaml at line 3,"
                + " column 53: the YAML alias '*b' is not supported; write the value out in full");
        assertThat(problems("faultinject: []\n---\nobserve: []\n").get(0).toString()).isEqualTo("[config/Syntax] cannot"
                + " parse test.yaml at line 3, column 1: a second YAML document starts here; a configuration file holds"
                + " exactly one (remove the '---' line and what follows, or merge the documents)");
    }

    @Test
    void yamlNanAndInfinityAreNumbersThatTheConstraintsJudge() {
        assertThat(ConfigDocuments.parse("a: .nan\nb: -.inf\nc: .Inf\nd: 1e400\n", "t")).isEqualTo(Map.of("a", Double.NaN,
                "b", Double.NEGATIVE_INFINITY, "c", Double.POSITIVE_INFINITY, "d", Double.POSITIVE_INFINITY));
        assertThat(problems("faultinject:\n  - type: activation\n    module_name: fc\n    quantization: {method:"
                + " SymmericQuantization, bit_width: 8, dynamic_range: .nan}\n    error_mode: {method: IntSignBitFlip,"
                + " bit_width: 8}\n")).extracting(ConfigProblem::toString).containsExactly("[config/OutOfRange]"
                + " faultinject[0].quantization.dynamic_range: must be 'auto' or a finite number greater than 0, got NaN");
    }

    @Test
    void emptyAndNonMappingDocumentsAreTheOnlyProblemsWithoutAPath() {
        for (Object document : new Object[] {null, List.of(), "faultinject", 3L, List.of(Map.of("faultinject", List.of()))}) {
            List<ConfigProblem> found = problems(document);
            assertThat(found).hasSize(1);
            assertThat(found.get(0).path()).isEmpty();
        }
    }
}
