package dev.mrfi.golden;

import dev.mrfi.api.quantization.Quantization;
import dev.mrfi.api.quantization.Quantizer;
import dev.mrfi.core.Mrfi;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code mx} cases: {@code MxQuantization}, built through the registry from the case's format, block
 * size, rounding and axis, quantizes the input to element codes and dequantizes them; the result must
 * equal {@code output}. The quantization blocks the flattened tensor, which equals blocking along the last
 * axis only when that axis's length is a multiple of the block size, so a case that breaks this fails.
 */
final class MxCases implements GoldenCaseRunner {

    @Override
    public String kind() {
        return "mx";
    }

    @Override
    public void check(GoldenCase goldenCase, Mrfi mrfi) {
        int blockSize = ((Number) goldenCase.fields().get("block_size")).intValue();
        int[] shape = goldenCase.ints("shape");
        if (((Number) goldenCase.fields().get("scale_bits")).intValue() != 8
                || shape[shape.length - 1] % blockSize != 0) {
            throw new AssertionError(goldenCase.id() + ": only E8M0 scales over blocks that divide the last axis"
                    + " are implemented");
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("method", "MxQuantization");
        block.put("format", goldenCase.fields().get("format"));
        block.put("block_size", blockSize);
        block.put("rounding", goldenCase.fields().get("rounding"));
        block.put("axis", goldenCase.fields().get("axis"));
        Quantization quantization = mrfi.quantization(block, "quantization");

        float[] values = goldenCase.floats("input");
        Quantizer quantizer = quantization.forTensor(values, 0, values.length);
        quantizer.quantize(values, 0, values.length);
        quantizer.dequantize(values, 0, values.length);
        GoldenAssertions.assertSameValues(goldenCase.id(), "output", goldenCase.floats("output"), values);
    }
}
