package dev.mrfi.api.quantization;

import dev.mrfi.api.IntegerCode;
import java.util.Optional;

/** The built-in {@link ScaleEncoding}s. */
enum ScaleEncodings implements ScaleEncoding {

    /** The scale itself, 32 bits. */
    FLOAT32 {
        @Override
        public int bitsPerScale() {
            return Float.SIZE;
        }

        @Override
        public float encode(float scale) {
            return scale;
        }

        @Override
        public float decode(float code) {
            return code;
        }

        @Override
        public String toString() {
            return "float32";
        }
    },

    /** OCP MX E8M0: biased exponent, bias 127, 255 is NaN. */
    E8M0 {
        private static final int BIAS = 127;
        private static final int NAN_CODE = 255;

        @Override
        public int bitsPerScale() {
            return Byte.SIZE;
        }

        @Override
        public Optional<IntegerCode> code() {
            return Optional.of(IntegerCode.unsigned(Byte.SIZE));
        }

        @Override
        public float encode(float scale) {
            if (!(scale > 0f) || scale == Float.POSITIVE_INFINITY) {
                return NAN_CODE;
            }
            return Math.getExponent(scale) + BIAS;
        }

        @Override
        public float decode(float code) {
            int c = (int) code;
            if (c != code || c < 0 || c >= NAN_CODE) {
                return Float.NaN;
            }
            return (float) Math.scalb(1.0, c - BIAS);
        }

        @Override
        public String toString() {
            return "E8M0";
        }
    }
}
