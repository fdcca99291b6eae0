package dev.mrfi.hardening;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a property many times, each try with its own random stream derived from one base seed.
 *
 * <p>The base seed is new on every run, so CI keeps exploring, and printed, so a failure can be replayed:
 * {@code mvn -pl hardening-tests verify -Dmrfi.fuzz.seed=<seed>} repeats every try of every property. A
 * failure names the property, the try and the input that broke it.
 */
final class Fuzz {

    /** The system property that fixes the base seed. */
    static final String SEED_PROPERTY = "mrfi.fuzz.seed";

    private static final long BASE_SEED = Long.getLong(SEED_PROPERTY, new SplittableRandom().nextLong());
    private static final AtomicLong TRIES = new AtomicLong();

    static {
        System.out.println("[fuzz] base seed " + BASE_SEED + " (replay with -D" + SEED_PROPERTY + "=" + BASE_SEED + ")");
    }

    private Fuzz() {
    }

    /** One try of a property. */
    @FunctionalInterface
    interface Try {
        /**
         * Runs the try.
         *
         * @param random the try's own random stream
         * @param input  where the try describes its input, printed if it fails
         * @throws Exception to fail the property
         */
        void run(SplittableRandom random, StringBuilder input) throws Exception;
    }

    /**
     * Runs a property.
     *
     * @param property the property's name, which also selects its random streams
     * @param tries    how many tries
     * @param body     one try
     * @throws AssertionError for the first try that throws, with the seed and the input
     */
    static void check(String property, int tries, Try body) {
        SplittableRandom master = new SplittableRandom(BASE_SEED ^ property.hashCode() * 0x9E3779B97F4A7C15L);
        for (int i = 0; i < tries; i++) {
            SplittableRandom random = master.split();
            StringBuilder input = new StringBuilder();
            try {
                body.run(random, input);
            } catch (Throwable failure) {
                throw new AssertionError(property + " failed on try " + i + " of " + tries + " (replay with -D"
                        + SEED_PROPERTY + "=" + BASE_SEED + ")\ninput:\n" + clip(input) + "\nfailure: " + failure,
                        failure);
            }
            TRIES.incrementAndGet();
        }
    }

    /**
     * Returns the number of tries that passed in this JVM so far, over every property.
     *
     * @return the count
     */
    static long triesSoFar() {
        return TRIES.get();
    }

    private static String clip(CharSequence text) {
        return text.length() <= 4000 ? text.toString() : text.subSequence(0, 4000) + "... (" + text.length() + " chars)";
    }
}
