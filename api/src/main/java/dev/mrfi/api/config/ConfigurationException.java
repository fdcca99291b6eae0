package dev.mrfi.api.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Reports every problem of one configuration at once, as a numbered list ending with the count.
 *
 * <pre>
 * MRFI-J configuration errors:
 *
 * 1) [config/UnknownMethod] quantization.method: unknown quantization 'SymetricQuantization'. ...
 * 2) [config/OutOfRange] quantization.bit_width: must be in [1, 32], got 64
 *
 * 2 errors
 * </pre>
 *
 * <p>A user mistake, never a programming error: callers print the message, not the stack trace. The message
 * lists at most {@link #MAX_LISTED} problems and then says how many more there are; the count line always
 * counts them all.
 *
 * @since 0.1
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The most problems the message lists one by one; {@link #problems()} always has them all. */
    public static final int MAX_LISTED = 100;

    private final transient List<ConfigProblem> problems;

    /**
     * Creates the exception.
     *
     * @param problems the problems found, at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public ConfigurationException(List<ConfigProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception for a single problem.
     *
     * @param problem the problem
     */
    public ConfigurationException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /**
     * Returns the problems, in the order they were found.
     *
     * @return an unmodifiable list with at least one element
     */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /**
     * Returns a copy of this exception with every problem located under a parent path.
     *
     * @param parent the parent path
     * @return the relocated exception
     */
    public ConfigurationException under(String parent) {
        List<ConfigProblem> moved = new ArrayList<>(problems.size());
        for (ConfigProblem problem : problems) {
            moved.add(problem.under(parent));
        }
        return new ConfigurationException(moved);
    }

    private static String render(List<ConfigProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
        }
        StringBuilder text = new StringBuilder("MRFI-J configuration errors:\n\n");
        int number = 1;
        for (ConfigProblem problem : problems) {
            if (number > MAX_LISTED) {
                text.append("... and ").append(problems.size() - MAX_LISTED).append(" more (see problems())\n");
                break;
            }
            text.append(number++).append(") ").append(problem).append('\n');
        }
        text.append('\n').append(problems.size()).append(problems.size() == 1 ? " error" : " errors");
        return text.toString();
    }
}
