package dev.mrfi.api.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the nearest known name to a misspelt one, for "did you mean" hints.
 *
 * @since 0.1
 */
public final class NameSuggestions {

    private NameSuggestions() {
    }

    /**
     * Returns the known name closest to {@code given} by case-insensitive edit distance, if it is close
     * enough to be a plausible typo (at most a third of the name's length, and at least 2 edits allowed).
     *
     * @param given the name the user wrote
     * @param known the valid names
     * @return the suggestion, or empty if nothing is close
     */
    public static Optional<String> nearest(String given, Collection<String> known) {
        String target = given.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.stream().sorted().toList()) {
            int distance = distance(target, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /**
     * Returns {@code " Did you mean 'x'?"} for the nearest name, or an empty string.
     *
     * @param given the name the user wrote
     * @param known the valid names
     * @return the hint, starting with a space, or empty
     */
    public static String hint(String given, Collection<String> known) {
        return nearest(given, known).map(name -> " Did you mean '" + name + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
