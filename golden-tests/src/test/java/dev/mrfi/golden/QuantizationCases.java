package dev.mrfi.golden;

import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.Mrfi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code quantization} cases: the configured quantization, built through the registry from the case's
 * method and arguments, quantizes the input to the codes and dequantizes the codes to the values, and the
 * one-pass round trip turns the input into the same values. An {@code auto} range is resolved from the
 * input and used for every step.
 */
final class QuantizationCases implements GoldenCaseRunner {

    @Override
    public String kind() {
        return "quantization";
    }

    @Override
    public void check(GoldenCase goldenCase, Mrfi mrfi) {
        Map<String, Object> block = new LinkedHashMap<>(goldenCase.map("args"));
        block.put("method", goldenCase.method());
        Quantization quantization = mrfi.quantization(block, "args");

        float[] input = goldenCase.floats("input");
        float[] codes = input.clone();
        Quantizer quantizer = quantization.forTensor(input, 0, input.length);
        quantizer.quantize(codes, 0, codes.length);
        GoldenAssertions.assertSameValues(goldenCase.id(), "quantized", goldenCase.floats("quantized"), codes);

        float[] values = goldenCase.floats("quantized");
        quantizer.dequantize(values, 0, values.length);
        GoldenAssertions.assertSameValues(goldenCase.id(), "dequantized", goldenCase.floats("dequantized"), values);

        float[] roundTripped = new float[input.length];
        quantizer.roundTrip(input, 0, roundTripped, 0, input.length);
        GoldenAssertions.assertSameValues(goldenCase.id(), "roundTrip", goldenCase.floats("dequantized"), roundTripped);
    }
}
