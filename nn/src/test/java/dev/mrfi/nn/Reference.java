package dev.mrfi.nn;

import java.util.SplittableRandom;

/** Straightforward loop implementations the optimised layers are checked against, and random test data. */
final class Reference {

    private Reference() {
    }

    static float[] random(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** Direct convolution: x [n, c, h, w], weight [o, c, kh, kw], zero padding; accumulates in double. */
    static float[] conv2d(float[] x, int n, int c, int h, int w, float[] weight, int o, int kh, int kw, float[] bias,
                          int strideH, int strideW, int padH, int padW) {
        return conv2d(x, n, c, h, w, weight, o, kh, kw, bias, strideH, strideW, padH, padW, false);
    }

    /**
     * Direct convolution in float32: each output is bias + w·x added one product at a time in weight order,
     * the padding's zero products included, which is what the layer promises bit for bit.
     */
    static float[] conv2dInWeightOrder(float[] x, int n, int c, int h, int w, float[] weight, int o, int kh, int kw,
                                       float[] bias, int strideH, int strideW, int padH, int padW) {
        return conv2d(x, n, c, h, w, weight, o, kh, kw, bias, strideH, strideW, padH, padW, true);
    }

    private static float[] conv2d(float[] x, int n, int c, int h, int w, float[] weight, int o, int kh, int kw,
                                  float[] bias, int strideH, int strideW, int padH, int padW, boolean float32) {
        int outH = (h + 2 * padH - kh) / strideH + 1;
        int outW = (w + 2 * padW - kw) / strideW + 1;
        float[] y = new float[n * o * outH * outW];
        for (int image = 0; image < n; image++) {
            for (int oc = 0; oc < o; oc++) {
                for (int oy = 0; oy < outH; oy++) {
                    for (int ox = 0; ox < outW; ox++) {
                        double sum = bias == null ? 0 : bias[oc];
                        float floatSum = bias == null ? 0f : bias[oc];
                        for (int ic = 0; ic < c; ic++) {
                            for (int ky = 0; ky < kh; ky++) {
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * strideH - padH + ky;
                                    int ix = ox * strideW - padW + kx;
                                    float value = iy >= 0 && iy < h && ix >= 0 && ix < w
                                            ? x[((image * c + ic) * h + iy) * w + ix] : 0f;
                                    float tap = weight[((oc * c + ic) * kh + ky) * kw + kx];
                                    sum += (double) value * tap;
                                    floatSum += tap * value;
                                }
                            }
                        }
                        y[((image * o + oc) * outH + oy) * outW + ox] = float32 ? floatSum : (float) sum;
                    }
                }
            }
        }
        return y;
    }

    /** y = x·weightᵀ + bias for x [rows, in], weight [out, in]; accumulates in double. */
    static float[] linear(float[] x, int rows, int in, float[] weight, int out, float[] bias) {
        float[] y = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < out; o++) {
                double sum = bias == null ? 0 : bias[o];
                for (int i = 0; i < in; i++) {
                    sum += (double) x[r * in + i] * weight[o * in + i];
                }
                y[r * out + o] = (float) sum;
            }
        }
        return y;
    }
}
