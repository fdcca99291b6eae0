package dev.mrfi.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.InjectionException;
import dev.mrfi.api.config.ConfigProblem;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.ProblemId;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.ConfigDocuments;
import dev.mrfi.core.config.EasyConfig;
import dev.mrfi.core.config.EasyConfigLoader;
import dev.mrfi.core.problem.CoreErrorId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The property every configuration input must satisfy, and the error ids seen while checking it.
 *
 * <p>An input is either valid, and then plans and runs on {@link SmallModel} (where only an
 * {@link InjectionException} naming its site may stop it), or rejected with a {@link ConfigurationException}
 * whose problems are well formed:
 * <ul>
 *   <li>every problem has an error id and a message of at most {@value #MAX_MESSAGE} characters;</li>
 *   <li>a problem has an empty path only when it concerns the document as a whole: the text cannot be read
 *       or parsed ({@code Syntax}, {@code UnreadableFile}), or the parsed document is empty
 *       ({@code MissingKey}) or not a mapping ({@code WrongStructure}); it is then the only problem;</li>
 *   <li>every other path leads through the document: each segment but the last names a key or index that
 *       exists, and the last names one that exists or a key that is missing from a mapping.</li>
 * </ul>
 * Anything else (another exception, an error, a malformed problem) fails the property.
 */
final class ConfigOutcomes {

    /** The longest problem message accepted, whatever the size of the offending value. */
    static final int MAX_MESSAGE = 2000;

    static final Set<ProblemId> DOCUMENT_LEVEL = Set.of(CoreErrorId.SYNTAX, CoreErrorId.UNREADABLE_FILE,
            CoreErrorId.MISSING_KEY, CoreErrorId.WRONG_STRUCTURE);

    static final EasyConfigLoader LOADER = new EasyConfigLoader(Mrfi.load().blocks());

    private static final Set<ProblemId> SEEN = ConcurrentHashMap.newKeySet();
    private static final AtomicLong VALID = new AtomicLong();
    private static final AtomicLong REJECTED = new AtomicLong();
    private static final AtomicLong INJECTION_ERRORS = new AtomicLong();

    private ConfigOutcomes() {
    }

    /**
     * Checks the property for configuration text.
     *
     * @param text   YAML or JSON
     * @param random the source of tensor values for a valid configuration
     */
    static void checkText(String text, SplittableRandom random) {
        Object document;
        try {
            document = ConfigDocuments.parse(text, "fuzz.yaml");
        } catch (ConfigurationException e) {
            assertWellFormed(e, null, true);
            return;
        }
        checkDocument(document, random);
    }

    /**
     * Checks the property for a parsed document.
     *
     * @param document plain values
     * @param random   the source of tensor values for a valid configuration
     */
    static void checkDocument(Object document, SplittableRandom random) {
        EasyConfig config;
        try {
            config = LOADER.fromDocument(document);
        } catch (ConfigurationException e) {
            assertWellFormed(e, document, false);
            return;
        }
        VALID.incrementAndGet();
        try {
            SmallModel.run(config, random.nextLong(), random);
        } catch (InjectionException e) {
            INJECTION_ERRORS.incrementAndGet();
            assertThat(e.getMessage()).as("an injection error names its site").containsPattern(
                    "at \\S*/(activation_in|activation_out|weight)(/\\w+)?#\\d+|observer \\S+ at \\S+");
        }
    }

    /**
     * Checks that a rejection obeys the rules above and records its ids.
     *
     * @param e         the rejection
     * @param document  the parsed document, null if parsing failed or the document was empty
     * @param textLevel true if the text itself was rejected
     */
    static void assertWellFormed(ConfigurationException e, Object document, boolean textLevel) {
        REJECTED.incrementAndGet();
        List<ConfigProblem> problems = e.problems();
        assertThat(problems).isNotEmpty();
        assertThat(e.getMessage()).endsWith(problems.size() + (problems.size() == 1 ? " error" : " errors"));
        for (ConfigProblem problem : problems) {
            SEEN.add(problem.id());
            assertThat(problem.id()).isNotNull();
            assertThat(problem.message()).as("message of %s", problem.id()).isNotBlank();
            if (problem.message().length() > MAX_MESSAGE) {
                throw new AssertionError("a message of " + problem.message().length() + " characters: "
                        + problem.toString().substring(0, 300) + "...");
            }
            assertThat(problem.toString()).startsWith("[" + problem.id().code() + "] ");
            if (problem.path().isEmpty()) {
                assertThat(problem.id()).as("id of a problem without a path: %s", problem).isIn(DOCUMENT_LEVEL);
                assertThat(document instanceof Map).as("a problem without a path inside a mapping document: %s",
                        problem).isFalse();
                assertThat(problems).as("a document-level problem stands alone").hasSize(1);
                if (!textLevel) {
                    assertThat(problem.id()).isIn(CoreErrorId.MISSING_KEY, CoreErrorId.WRONG_STRUCTURE);
                }
            } else {
                assertThat(document instanceof Map).as("a problem with a path needs a mapping document: %s",
                        problem).isTrue();
                assertThat(YamlPaths.leadsThrough(problem.path(), document))
                        .as("path of %s leads through the document", problem).isTrue();
            }
        }
    }

    /**
     * Returns every error id seen so far in this JVM.
     *
     * @return a copy
     */
    static Set<ProblemId> seen() {
        return Set.copyOf(SEEN);
    }

    /**
     * Returns a one-line summary of the outcomes so far.
     *
     * @return counts of valid, rejected and injection-stopped inputs
     */
    static String summary() {
        return VALID.get() + " valid (" + INJECTION_ERRORS.get() + " stopped by a clear injection error), "
                + REJECTED.get() + " rejected";
    }
}
