package dev.mrfi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.config.ErrorId;
import dev.mrfi.api.config.ProblemId;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.problem.CoreErrorId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzzes configurations from valid seeds (every preset and the hand-written corpus): each mutated input is
 * either valid, and then runs on a small model, or rejected with well-formed problems (see
 * {@link ConfigOutcomes}). {@value #TOTAL_TRIES} tries per run, each property time-boxed.
 */
class ConfigFuzzTest {

    static final int TOTAL_TRIES = 10_000;

    /** Every id a configuration document can produce; the fuzzers must reach each of them. */
    static final Set<ProblemId> REACHABLE = Set.of(CoreErrorId.SYNTAX, CoreErrorId.WRONG_STRUCTURE, CoreErrorId.MISSING_METHOD,
            CoreErrorId.UNKNOWN_METHOD, ErrorId.UNKNOWN_PARAMETER, ErrorId.MISSING_PARAMETER, ErrorId.WRONG_TYPE,
            ErrorId.OUT_OF_RANGE, CoreErrorId.UNKNOWN_KEY, CoreErrorId.MISSING_KEY, ErrorId.INVALID_VALUE,
            CoreErrorId.INCONSISTENT_BIT_WIDTH, CoreErrorId.MISSING_QUANTIZATION);

    private static long triesBefore;

    @BeforeAll
    static void countFromHere() {
        triesBefore = Fuzz.triesSoFar();
    }

    @AfterAll
    static void reachedEnoughTriesAndEveryErrorId() {
        long tries = Fuzz.triesSoFar() - triesBefore;
        Set<ProblemId> seen = ConfigOutcomes.seen();
        TreeSet<String> codes = new TreeSet<>();
        seen.forEach(id -> codes.add(id.code()));
        System.out.println("[fuzz] " + tries + " configuration tries: " + ConfigOutcomes.summary());
        System.out.println("[fuzz] " + seen.size() + " distinct error ids seen: " + codes);
        assertThat(tries).isGreaterThanOrEqualTo(TOTAL_TRIES);
        assertThat(seen).containsAll(REACHABLE);
    }

    @Test
    void theSeedCorpusIsValidAndUsesEveryRegisteredPlugin() {
        Set<String> used = new TreeSet<>();
        for (Map.Entry<String, String> seed : ConfigCorpus.all()) {
            var config = ConfigOutcomes.LOADER.parse(seed.getValue(), seed.getKey());
            SmallModel.run(config, 1L, new SplittableRandom(1));
            config.faultInject().forEach(entry -> {
                used.add(entry.errorMode().name());
                entry.selector().ifPresent(s -> used.add(s.name()));
                entry.quantization().ifPresent(q -> used.add(q.name()));
            });
            config.observe().forEach(entry -> used.add(entry.observer().provider().name()));
            assertThat(ConfigOutcomes.LOADER.fromDocument(ConfigCorpus.tree(YamlWriter.block(ConfigCorpus.tree(seed.getValue())))))
                    .as("%s written back as YAML", seed.getKey()).isNotNull();
        }
        Mrfi mrfi = Mrfi.load();
        for (PluginKind kind : PluginKind.values()) {
            assertThat(used).as("plugins of kind %s used by the corpus", kind)
                    .containsAll(mrfi.registry().canonicalNames(kind));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedPresetsAreValidOrClearlyRejected() {
        List<String> names = new ArrayList<>(ConfigCorpus.presets().keySet());
        Fuzz.check("mutatedPresets", 2_500, (random, input) -> {
            String name = names.get(random.nextInt(names.size()));
            input.append("preset ").append(name).append('\n');
            Object document = new TreeMutator(random, input, true)
                    .mutate(ConfigCorpus.tree(ConfigCorpus.presets().get(name)), mutations(random));
            ConfigOutcomes.checkDocument(document, random);
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedHandWrittenConfigsAreValidOrClearlyRejected() {
        List<String> names = new ArrayList<>(ConfigCorpus.handWritten().keySet());
        Fuzz.check("mutatedHandWritten", 3_500, (random, input) -> {
            String name = names.get(random.nextInt(names.size()));
            input.append("seed ").append(name).append('\n');
            Object document = new TreeMutator(random, input, true)
                    .mutate(ConfigCorpus.tree(ConfigCorpus.handWritten().get(name)), mutations(random));
            ConfigOutcomes.checkDocument(document, random);
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedYamlAndJsonTextIsValidOrClearlyRejected() {
        List<Map.Entry<String, String>> seeds = ConfigCorpus.all();
        Fuzz.check("mutatedText", 3_000, (random, input) -> {
            Map.Entry<String, String> seed = seeds.get(random.nextInt(seeds.size()));
            input.append("seed ").append(seed.getKey()).append('\n');
            Object tree = new TreeMutator(random, input, false).mutate(ConfigCorpus.tree(seed.getValue()),
                    random.nextInt(0, 3));
            int style = random.nextInt(4);
            String text = style == 0 ? seed.getValue() : style == 1 ? YamlWriter.flow(tree, true)
                    : style == 2 ? YamlWriter.flow(tree, false) : YamlWriter.block(tree);
            text = new TextMutator(random, input).mutate(text, random.nextInt(1, 4));
            input.append("text:\n").append(text).append('\n');
            ConfigOutcomes.checkText(text, random);
        });
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void documentsBuiltFromTheVocabularyAreValidOrClearlyRejected() {
        Fuzz.check("fromVocabulary", 1_000, (random, input) -> {
            TreeMutator mutator = new TreeMutator(random, input, false);
            Object document = random.nextInt(20) == 0 ? mutator.interesting() : document(random, mutator);
            input.append(Plain.show(document)).append('\n');
            ConfigOutcomes.checkDocument(document, random);
        });
    }

    /** One mutation half the time, so that a fair share of inputs stays valid and reaches the engine. */
    private static int mutations(SplittableRandom random) {
        return random.nextBoolean() ? 1 : random.nextInt(2, 5);
    }

    private static Object document(SplittableRandom random, TreeMutator mutator) {
        Map<Object, Object> top = new LinkedHashMap<>();
        if (random.nextInt(4) > 0) {
            top.put("faultinject", entries(random, mutator, false));
        }
        if (random.nextInt(3) == 0) {
            top.put("observe", entries(random, mutator, true));
        }
        if (random.nextInt(4) == 0) {
            top.put("seed", random.nextInt(3) == 0 ? mutator.interesting() : (Object) random.nextLong());
        }
        if (random.nextInt(8) == 0) {
            top.put("allow_inconsistent_bit_width", random.nextInt(3) == 0 ? mutator.interesting() : (Object) true);
        }
        return top;
    }

    private static List<Object> entries(SplittableRandom random, TreeMutator mutator, boolean observe) {
        List<Object> entries = new ArrayList<>();
        for (int i = random.nextInt(0, 4); i > 0; i--) {
            Map<Object, Object> entry = new LinkedHashMap<>();
            if (observe) {
                entry.put("method", pick(random, Vocabulary.METHODS.get(PluginKind.OBSERVER)));
                if (random.nextBoolean()) {
                    entry.put("position", random.nextBoolean() ? "pre" : "after");
                }
            } else {
                entry.put("type", random.nextInt(6) == 0 ? mutator.interesting() : pick(random, Vocabulary.HOOK_TYPES));
                if (random.nextInt(3) > 0) {
                    entry.put("quantization", block(random, mutator, PluginKind.QUANTIZATION));
                }
                if (random.nextInt(3) > 0) {
                    entry.put("selector", block(random, mutator, PluginKind.SELECTOR));
                }
                entry.put("error_mode", block(random, mutator, PluginKind.ERROR_MODE));
            }
            String matcher = pick(random, List.of("module_name", "module_type", "module_fullname"));
            entry.put(matcher, pick(random, List.of("", "conv", "fc", "relu", "Linear", "Conv2d", "conv1", "fc1", "x")));
            entries.add(entry);
        }
        return entries;
    }

    private static Map<Object, Object> block(SplittableRandom random, TreeMutator mutator, PluginKind kind) {
        Map<Object, Object> block = new LinkedHashMap<>();
        block.put("method", pick(random, Vocabulary.METHODS.get(kind)));
        for (int i = random.nextInt(0, 4); i > 0; i--) {
            Object value = random.nextBoolean() ? (Object) (long) random.nextInt(0, 33)
                    : random.nextBoolean() ? random.nextDouble() : mutator.interesting();
            block.put(pick(random, Vocabulary.PARAMETERS), value);
        }
        return block;
    }

    private static <T> T pick(SplittableRandom random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
