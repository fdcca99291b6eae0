package dev.mrfi.errormode;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mrfi.api.config.ConfigurationException;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.AbstractThrowableAssert;

/** Builds error modes from raw parameters and runs them, for tests. */
final class Modes {

    private Modes() {
    }

    static ErrorMode create(ErrorModeProvider provider, Map<String, Object> raw) {
        return provider.create(provider.parameters().bind(raw));
    }

    /** Returns the values after one run of the mode on a copy, with randomness from {@code seed}. */
    static float[] applied(ErrorMode mode, long seed, float... values) {
        float[] copy = values.clone();
        mode.apply(copy, 0, copy.length, new SplittableRandom(seed));
        return copy;
    }

    static float[] applied(ErrorModeProvider provider, Map<String, Object> raw, float... values) {
        return applied(create(provider, raw), 1, values);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(ErrorModeProvider provider,
                                                                         Map<String, Object> raw) {
        return assertThatThrownBy(() -> provider.parameters().bind(raw)).isInstanceOf(ConfigurationException.class);
    }

    /** The Pearson chi-square statistic of counts against equal expected counts. */
    static double chiSquareUniform(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double expected = (double) total / counts.length;
        double statistic = 0;
        for (long count : counts) {
            statistic += (count - expected) * (count - expected) / expected;
        }
        return statistic;
    }

    /** Mean and variance (divided by n - 1) of a sample. */
    record Moments(double mean, double variance) {
        static Moments of(double[] sample) {
            double sum = 0;
            for (double x : sample) {
                sum += x;
            }
            double mean = sum / sample.length;
            double squares = 0;
            for (double x : sample) {
                squares += (x - mean) * (x - mean);
            }
            return new Moments(mean, squares / (sample.length - 1));
        }
    }
}
