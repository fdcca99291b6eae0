package dev.mrfi.api.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mrfi.api.TensorShape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hooks written before inputs were numbered keep working: a host's numbered call reaches them for input
 * 0 only, and selective hooks are asked about further inputs only through their input-0 answer.
 */
class NumberedInputDefaultsTest {

    /** Records the modules whose input it was given; implements only the unnumbered methods. */
    static final class OldHooks implements SelectiveHooks {
        final List<String> inputs = new ArrayList<>();

        @Override
        public boolean actsOn(HookPoint point) {
            return point.module().equals("add");
        }

        @Override
        public void onInput(String module, float[] data, TensorShape shape) {
            inputs.add(module);
            data[0] = 42f;
        }

        @Override
        public void onOutput(String module, float[] data, TensorShape shape) {
        }

        @Override
        public float[] onWeight(String module, String weightName, float[] clean, TensorShape shape) {
            return clean;
        }
    }

    @Test
    void theNumberedCallReachesOldHooksForInputZeroOnly() {
        OldHooks hooks = new OldHooks();
        float[] first = {1f};
        float[] second = {2f};
        hooks.onInput("add", 0, first, TensorShape.of(1));
        hooks.onInput("add", 1, second, TensorShape.of(1));

        assertThat(hooks.inputs).containsExactly("add");
        assertThat(first).containsExactly(42f);
        assertThat(second).containsExactly(2f);
    }

    @Test
    void selectiveHooksActOnFurtherInputsOnlyWhenTheyOverrideTheQuestion() {
        OldHooks hooks = new OldHooks();
        assertThat(hooks.actsOnInput("add", 0)).isTrue();
        assertThat(hooks.actsOnInput("add", 1)).isFalse();
        assertThat(hooks.actsOnInput("conv", 0)).isFalse();
    }
}
