package dev.mrfi.selector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionFilterTest {

    /** Every eligible position, in row-major order, found by testing each element. */
    private static List<Integer> byBruteForce(TensorShape shape, boolean masked, int[][] lists) {
        List<Integer> eligible = new ArrayList<>();
        for (int flat = 0; flat < shape.size(); flat++) {
            int[] coordinates = shape.coordinates(flat);
            boolean ok = true;
            for (int dim = 0; dim < coordinates.length && dim < lists.length; dim++) {
                if (lists[dim] != null) {
                    int at = coordinates[dim];
                    boolean listed = Arrays.stream(lists[dim]).anyMatch(v -> v == at);
                    ok &= masked != listed;
                }
            }
            if (ok) {
                eligible.add(flat);
            }
        }
        return eligible;
    }

    private static List<Integer> enumerate(TensorShape shape, boolean masked, int[][] lists) {
        DimensionFilter.Eligible eligible = new DimensionFilter(masked, lists).over(shape);
        List<Integer> all = new ArrayList<>();
        for (int ordinal = 0; ordinal < eligible.size(); ordinal++) {
            all.add(eligible.flatIndex(ordinal));
        }
        return all;
    }

    private static int[][] lists(int[]... given) {
        int[][] lists = new int[DimensionLists.DIMENSIONS][];
        System.arraycopy(given, 0, lists, 0, given.length);
        return lists;
    }

    @Test
    void masksLeaveExactlyTheUnmaskedPositionsInRowMajorOrder() {
        TensorShape shape = TensorShape.of(3, 7, 4, 5);
        int[][] masks = lists(new int[] {1}, new int[] {0, 2, 3, 6}, null, new int[] {4, 9});
        assertThat(enumerate(shape, true, masks)).isEqualTo(byBruteForce(shape, true, masks));
    }

    @Test
    void selectionsLeaveExactlyTheSelectedPositionsInRowMajorOrder() {
        TensorShape shape = TensorShape.of(3, 7, 4, 5, 2);
        int[][] selections = lists(null, new int[] {0, 5, 6}, new int[] {3}, null, new int[] {1});
        assertThat(enumerate(shape, false, selections)).isEqualTo(byBruteForce(shape, false, selections));
    }

    @Test
    void everyMaskOfASmallDimensionMapsCorrectly() {
        // all 64 subsets of a dimension of size 6 as the mask, with a free dimension before it
        TensorShape shape = TensorShape.of(2, 6);
        for (int subset = 0; subset < 64; subset++) {
            int[] mask = new int[Integer.bitCount(subset)];
            int next = 0;
            for (int i = 0; i < 6; i++) {
                if ((subset & (1 << i)) != 0) {
                    mask[next++] = i;
                }
            }
            int[][] masks = lists(null, mask.length == 0 ? null : mask);
            assertThat(enumerate(shape, true, masks)).as("mask %s", Arrays.toString(mask))
                    .isEqualTo(byBruteForce(shape, true, masks));
        }
    }

    @Test
    void listsForMissingDimensionsAndMasksBeyondADimensionAreIgnored() {
        TensorShape shape = TensorShape.of(4, 3);
        int[][] masks = lists(new int[] {1, 8}, null, new int[] {0});
        assertThat(new DimensionFilter(true, masks).over(shape).size()).isEqualTo(9);
        assertThat(enumerate(shape, true, masks)).isEqualTo(byBruteForce(shape, true, masks));
    }
}
