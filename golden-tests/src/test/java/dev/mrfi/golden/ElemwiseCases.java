package dev.mrfi.golden;

import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.Mrfi;
import java.util.Map;

/**
 * {@code elemwise} cases: each value converted to a 16-bit float format and back. The format's
 * quantization is built through the registry by name, quantizes the input to bit patterns and dequantizes
 * them; the result must equal {@code output}.
 */
final class ElemwiseCases implements GoldenCaseRunner {

    private static final Map<String, String> METHODS = Map.of(
            "fp16", "Float16Quantization",
            "bfloat16", "BFloat16Quantization");

    @Override
    public String kind() {
        return "elemwise";
    }

    @Override
    public void check(GoldenCase goldenCase, Mrfi mrfi) {
        String format = (String) goldenCase.fields().get("format");
        String method = METHODS.get(format);
        if (method == null) {
            throw new AssertionError(goldenCase.id() + ": no quantization for elemwise format '" + format + "'");
        }
        if (!"even".equals(goldenCase.fields().get("rounding"))) {
            throw new AssertionError(goldenCase.id() + ": only rounding 'even' is implemented, got "
                    + goldenCase.fields().get("rounding"));
        }
        Quantization quantization = mrfi.quantization(Map.of("method", method), "quantization");

        float[] values = goldenCase.floats("input");
        Quantizer quantizer = quantization.forTensor(values, 0, values.length);
        quantizer.quantize(values, 0, values.length);
        quantizer.dequantize(values, 0, values.length);
        GoldenAssertions.assertSameValues(goldenCase.id(), "output", goldenCase.floats("output"), values);
    }
}
