package dev.mrfi.api.quantization;

/** The {@link QuantizerScales} of a quantizer that exposes none. */
enum NoScales implements QuantizerScales {
    INSTANCE;

    @Override
    public ScaleEncoding encoding() {
        return ScaleEncoding.float32();
    }

    @Override
    public int count() {
        return 0;
    }

    @Override
    public float code(int index) {
        throw new IndexOutOfBoundsException("the quantizer has no scales; index " + index);
    }

    @Override
    public Quantizer withCodes(int[] indices, float[] codes, int length) {
        if (length > 0) {
            throw new IndexOutOfBoundsException("the quantizer has no scales; index " + indices[0]);
        }
        throw new IllegalStateException("the quantizer has no scales to replace");
    }
}
