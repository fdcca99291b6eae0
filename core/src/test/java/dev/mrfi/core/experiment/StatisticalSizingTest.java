package dev.mrfi.core.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mrfi.api.config.ConfigurationException;
import org.junit.jupiter.api.Test;

class StatisticalSizingTest {

    @Test
    void quantileOfTheConfidenceIsTheTwoSidedNormalOne() {
        assertThat(new StatisticalSizing(0.01, 0.95).z()).isCloseTo(1.959964, within(1e-6));
        assertThat(new StatisticalSizing(0.01, 0.99).z()).isCloseTo(2.575829, within(1e-6));
        assertThat(new StatisticalSizing(0.01, 0.90).z()).isCloseTo(1.644854, within(1e-6));
    }

    @Test
    void largePopulationNeedsTheClassicSampleSize() {
        // n -> t^2 / (4 e^2) as N grows: 9,604 at 1 % and 95 %, 16,588 at 1 % and 99 %
        assertThat(new StatisticalSizing(0.01, 0.95).injections(1_000_000_000_000L)).isEqualTo(9604);
        assertThat(new StatisticalSizing(0.01, 0.99).injections(1_000_000_000_000L)).isEqualTo(16588);
    }

    @Test
    void smallPopulationIsCorrectedAndNeverExceeded() {
        // 1000 / (1 + 0.05^2 * 999 / (1.96^2 * 0.25)) = 277.7...
        assertThat(new StatisticalSizing(0.05, 0.95).injections(1000)).isEqualTo(278);
        assertThat(new StatisticalSizing(0.01, 0.95).injections(50)).isLessThanOrEqualTo(50);
        assertThat(new StatisticalSizing(0.01, 0.95).injections(1)).isEqualTo(1);
    }

    @Test
    void trialsAreInjectionsOverImagesRoundedUp() {
        StatisticalSizing sizing = new StatisticalSizing(0.01, 0.95);
        assertThat(sizing.trials(1_000_000_000L, 2000)).isEqualTo(5);
        assertThat(sizing.trials(1_000_000_000L, 10_000)).isEqualTo(1);
    }

    @Test
    void wilsonIntervalMatchesTheTextbookValue() {
        double[] interval = StatisticalSizing.wilson(90, 100, new StatisticalSizing(0.01, 0.95).z());
        assertThat(interval[0]).isCloseTo(0.8256, within(1e-4));
        assertThat(interval[1]).isCloseTo(0.9448, within(1e-4));
        assertThat(StatisticalSizing.wilson(0, 0, 1.96)).containsExactly(0, 1);
    }

    @Test
    void everyOutOfRangeValueIsReportedAtOnce() {
        assertThatThrownBy(() -> StatisticalSizing.of(0, 1.5, "--margin", "--confidence"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("2 errors")
                .hasMessageContaining("[config/OutOfRange] --margin: must be in (0, 0.5), got 0.0")
                .hasMessageContaining("[config/OutOfRange] --confidence: must be in [0.5, 0.9999], got 1.5");
    }
}
