package dev.mrfi.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.IntegerCode;
import dev.mrfi.api.InjectionException;
import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.config.PluginConfig;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract of error-mode providers: an error mode rewrites exactly the range it is given, draws every
 * random number from the generator it is passed (so one seed gives one result), reports run-time problems
 * as {@link InjectionException}, describes the integer code it was configured for, and allocates nothing
 * per value.
 *
 * <p>Every run passes {@link #VALUES} values, so a per-value list in {@link #validConfigs()} must have
 * {@link #VALUES} entries; {@link #perValue(Object...)} builds one.
 */
public abstract class ErrorModeContractTest extends ProviderContractTest<ErrorModeProvider> {

    /** The number of values every contract run passes to {@link ErrorMode#apply}. */
    protected static final int VALUES = 64;

    @Override
    protected final Class<ErrorModeProvider> providerType() {
        return ErrorModeProvider.class;
    }

    @Override
    protected final Object createOperator(ErrorModeProvider provider, PluginConfig config) {
        return provider.create(config);
    }

    @Override
    protected final Object runOnce(Object operator, long seed) {
        float[] values = sampleValues(seed);
        ((ErrorMode) operator).apply(values, 0, VALUES, new SplittableRandom(seed));
        return rawBits(values);
    }

    /**
     * Returns the {@link #VALUES} values a contract run faults. The default is whole numbers in
     * [-64, 63], valid codes of every signed integer width from 8 bits up; override for other domains.
     *
     * @param seed the seed that chooses the values
     * @return a new array of {@link #VALUES} values
     */
    protected float[] sampleValues(long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] values = new float[VALUES];
        for (int i = 0; i < VALUES; i++) {
            values[i] = random.nextInt(-64, 64);
        }
        return values;
    }

    /**
     * Returns a list of {@link #VALUES} entries that repeats the given entries, for a per-value parameter.
     *
     * @param entries the entries to repeat, at least one
     * @return the list
     */
    protected static List<Object> perValue(Object... entries) {
        List<Object> list = new ArrayList<>(VALUES);
        for (int i = 0; i < VALUES; i++) {
            list.add(entries[i % entries.length]);
        }
        return list;
    }

    private List<ErrorMode> operators() {
        List<ErrorMode> operators = new ArrayList<>();
        for (Map<String, Object> raw : validConfigs()) {
            operators.add(provider().create(provider().parameters().bind(raw)));
        }
        return operators;
    }

    private static List<Integer> rawBits(float[] values) {
        List<Integer> bits = new ArrayList<>(values.length);
        for (float value : values) {
            bits.add(Float.floatToRawIntBits(value));
        }
        return bits;
    }

    @Test
    final void onlyTheGivenRangeIsTouched() {
        for (ErrorMode mode : operators()) {
            float[] inside = sampleValues(3);
            float[] values = new float[VALUES + 20];
            for (int i = 0; i < values.length; i++) {
                values[i] = i < 7 || i >= 7 + VALUES ? -1000.5f - i : inside[i - 7];
            }
            List<Integer> before = rawBits(values);
            mode.apply(values, 7, VALUES, new SplittableRandom(5));
            List<Integer> after = rawBits(values);
            assertThat(after.subList(0, 7)).as("values before the range, " + mode).isEqualTo(before.subList(0, 7));
            assertThat(after.subList(7 + VALUES, values.length)).as("values after the range, " + mode)
                    .isEqualTo(before.subList(7 + VALUES, values.length));
        }
    }

    @Test
    final void theSameSeedGivesTheSameValues() {
        for (ErrorMode mode : operators()) {
            assertThat(runOnce(mode, 42)).as(mode.toString()).isEqualTo(runOnce(mode, 42));
        }
    }

    @Test
    final void aRunDependsOnlyOnTheValuesAndTheGenerator() {
        for (ErrorMode mode : operators()) {
            float[] first = sampleValues(9);
            float[] second = sampleValues(9);
            mode.apply(first, 0, VALUES, new SplittableRandom(77));
            mode.apply(new float[VALUES], 0, VALUES, new SplittableRandom(1));
            mode.apply(second, 0, VALUES, new SplittableRandom(77));
            assertThat(rawBits(second)).as("a run after another run, " + mode).isEqualTo(rawBits(first));
        }
    }

    @Test
    final void anEmptyRangeChangesNothing() {
        for (ErrorMode mode : operators()) {
            float[] values = sampleValues(13);
            List<Integer> before = rawBits(values);
            try {
                mode.apply(values, 10, 0, new SplittableRandom(1));
            } catch (InjectionException e) {
                assertThat(e.getMessage()).as("message of " + mode).contains("0");
            }
            assertThat(rawBits(values)).as(mode.toString()).isEqualTo(before);
        }
    }

    @Test
    final void runTimeProblemsAreInjectionExceptionsNamingTheNumberOfValues() {
        for (ErrorMode mode : operators()) {
            float[] values = sampleValues(17);
            try {
                mode.apply(values, 0, VALUES - 1, new SplittableRandom(1));
            } catch (RuntimeException e) {
                assertThat(e).as("failure of " + mode).isInstanceOf(InjectionException.class);
                assertThat(e.getMessage()).as("message of " + mode).contains(String.valueOf(VALUES - 1));
            }
        }
    }

    @Test
    final void integerModesDescribeTheCodeTheyWereConfiguredFor() {
        for (Map<String, Object> raw : validConfigs()) {
            PluginConfig config = provider().parameters().bind(raw);
            Optional<IntegerCode> code = provider().create(config).code();
            if (code.isPresent() && raw.containsKey("bit_width")) {
                assertThat(code.get().bitWidth()).as("bit width of " + raw)
                        .isEqualTo(((Number) raw.get("bit_width")).intValue());
            }
            if (code.isPresent() && raw.get("signed") instanceof Boolean) {
                assertThat(code.get().signed()).as("signedness of " + raw).isEqualTo(raw.get("signed"));
            }
        }
    }

    @Test
    final void applyAllocatesNothingPerValue() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean,
                "skipped: this JVM cannot measure allocation per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "skipped: allocation measurement is off");
        long thread = Thread.currentThread().getId();
        for (ErrorMode mode : operators()) {
            float[] values = sampleValues(23);
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 200; i++) {
                mode.apply(values, 0, VALUES, random);
                values = resetTo(values, i);
            }
            int runs = 2000;
            long before = threads.getThreadAllocatedBytes(thread);
            for (int i = 0; i < runs; i++) {
                mode.apply(values, 0, VALUES, random);
                values = resetTo(values, i);
            }
            long allocated = threads.getThreadAllocatedBytes(thread) - before;
            assertThat(allocated).as("bytes allocated by " + runs + " runs of " + VALUES + " values, " + mode)
                    .isLessThan(16 * 1024);
        }
    }

    /** Keeps repeated runs inside the sample domain without allocating. */
    private static float[] resetTo(float[] values, int run) {
        for (int i = 0; i < values.length; i++) {
            values[i] = ((run + i) & 127) - 64;
        }
        return values;
    }

    @Test
    final void aConfigWithoutParametersIsRejectedWhenSomeAreRequired() {
        boolean anyRequired = provider().parameters().specs().stream().anyMatch(s -> s.required());
        if (anyRequired) {
            assertThatThrownBy(() -> provider().parameters().bind(Map.of()))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("config/MissingParameter");
        }
    }
}
