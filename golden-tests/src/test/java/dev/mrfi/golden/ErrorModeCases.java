package dev.mrfi.golden;

import dev.mrfi.api.PluginKind;
import dev.mrfi.api.errormode.ErrorMode;
import dev.mrfi.api.errormode.ErrorModeProvider;
import dev.mrfi.core.Mrfi;
import dev.mrfi.core.config.BoundPlugin;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code error_mode} cases: the error mode, built through the registry from the case's method and
 * arguments, applied to every input value gives the output. Only deterministic modes appear, so the
 * generator passed in is never consulted for a result.
 */
final class ErrorModeCases implements GoldenCaseRunner {

    @Override
    public String kind() {
        return "error_mode";
    }

    @Override
    public void check(GoldenCase goldenCase, Mrfi mrfi) {
        Map<String, Object> block = new LinkedHashMap<>(goldenCase.map("args"));
        block.put("method", goldenCase.method());
        BoundPlugin<ErrorModeProvider> bound =
                mrfi.blocks().bind(PluginKind.ERROR_MODE, ErrorModeProvider.class, block, "args", Set.of());
        ErrorMode errorMode = bound.provider().create(bound.config());

        float[] values = goldenCase.floats("input");
        errorMode.apply(values, 0, values.length, new SplittableRandom(0));
        GoldenAssertions.assertSameValues(goldenCase.id(), "output", goldenCase.floats("output"), values);
    }
}
