package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndexSamplerTest {

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({"10, 10", "1000, 7", "1000, 999", "100000, 50", "2147483000, 1000"})
    void distinctDrawsAreDifferentAndInRange(int bound, int count) {
        int[] drawn = IndexSampler.draw(bound, count, true, new SplittableRandom(5));
        assertThat(drawn).hasSize(count).doesNotHaveDuplicates();
        assertThat(Arrays.stream(drawn).allMatch(i -> i >= 0 && i < bound)).isTrue();
    }

    @Test
    void distinctDrawsAreCappedAtTheBound() {
        int[] drawn = IndexSampler.draw(10, 25, true, new SplittableRandom(5));
        assertThat(drawn).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void drawsWithReplacementAreNotCapped() {
        assertThat(IndexSampler.draw(10, 25, false, new SplittableRandom(5))).hasSize(25);
    }

    @Test
    void nothingIsDrawnFromAnEmptyRange() {
        assertThat(IndexSampler.draw(0, 5, false, new SplittableRandom(5))).isEmpty();
        assertThat(IndexSampler.draw(0, 5, true, new SplittableRandom(5))).isEmpty();
    }

    @ParameterizedTest(name = "{1} of {0}")
    @CsvSource({"50, 10", "50, 40", "5000, 20"})
    void everyCandidateIsEquallyLikelyToBeInADistinctDraw(int bound, int count) {
        // the bit set (count >= bound / 64) and the hash set (fewer) both must be uniform
        long[] inclusions = new long[bound];
        SplittableRandom random = new SplittableRandom(9);
        int calls = 400_000 / count * 10;
        for (int call = 0; call < calls; call++) {
            for (int index : IndexSampler.draw(bound, count, true, random)) {
                inclusions[index]++;
            }
        }
        Statistics.assertUniform(inclusions, count + " distinct of " + bound);
    }

    @Test
    void everyPairIsEquallyLikelyInADistinctDrawOfTwo() {
        int bound = 12;
        long[] pairs = new long[bound * bound];
        SplittableRandom random = new SplittableRandom(21);
        for (int call = 0; call < 200_000; call++) {
            int[] drawn = IndexSampler.draw(bound, 2, true, random);
            int low = Math.min(drawn[0], drawn[1]);
            int high = Math.max(drawn[0], drawn[1]);
            pairs[low * bound + high]++;
        }
        long[] unordered = new long[bound * (bound - 1) / 2];
        int next = 0;
        for (int low = 0; low < bound; low++) {
            for (int high = low + 1; high < bound; high++) {
                unordered[next++] = pairs[low * bound + high];
            }
        }
        Statistics.assertUniform(unordered, "unordered pairs");
    }
}
