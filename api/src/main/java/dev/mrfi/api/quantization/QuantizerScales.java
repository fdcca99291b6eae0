package dev.mrfi.api.quantization;

/**
 * A view of the scales a {@link Quantizer} resolved for one tensor (per-tensor ranges, per-channel ranges,
 * the shared exponents of MX blocks), so that faults can be injected into quantization metadata as they are
 * into values.
 *
 * <p>Core reads the stored codes of the scales a selector chose, lets an error mode rewrite them and asks
 * for a quantizer that uses the corrupted scales; with it, it dequantizes the tensor, so every value a
 * corrupted scale covers comes back wrong.
 *
 * <pre>{@code
 * QuantizerScales scales = quantizer.scales();
 * float[] codes = {scales.code(3)};
 * // ... an error mode rewrites codes ...
 * Quantizer faulty = scales.withCodes(new int[] {3}, codes, 1);
 * faulty.dequantize(data, 0, data.length);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.2
 */
public interface QuantizerScales {

    /**
     * Returns the view of a quantizer without scales.
     *
     * @return the empty view: no scales; {@link #withCodes} accepts no index
     * @since 0.2
     */
    static QuantizerScales none() {
        return NoScales.INSTANCE;
    }

    /**
     * Returns how each scale is stored.
     *
     * @return the encoding
     * @since 0.2
     */
    ScaleEncoding encoding();

    /**
     * Returns the number of scales, the population a selector chooses from.
     *
     * @return the count, zero for a quantizer without scales
     * @since 0.2
     */
    int count();

    /**
     * Returns the stored form of one scale.
     *
     * @param index the scale, in [0, count)
     * @return its code in the {@link #encoding()}
     * @since 0.2
     */
    float code(int index);

    /**
     * Returns a quantizer equal to this view's quantizer except that the given scales have the given codes.
     * Codes that do not decode to a usable scale (NaN, zero, infinite) are kept: the values they cover
     * dequantize to whatever the arithmetic gives, as on hardware.
     *
     * @param indices scale indices, each in [0, count); a repeated index takes its last code
     * @param codes   the new codes, in the {@link #encoding()}
     * @param length  how many of {@code indices} and {@code codes} to use
     * @return the quantizer with corrupted scales
     * @since 0.2
     */
    Quantizer withCodes(int[] indices, float[] codes, int length);
}
