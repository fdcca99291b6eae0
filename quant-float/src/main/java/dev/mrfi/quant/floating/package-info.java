/**
 * Quantization to the floating-point formats of accelerators: float16, bfloat16 and OCP FP8. The code of
 * a value is its bit pattern in the format, as an unsigned integer held in the float32.
 */
package dev.mrfi.quant.floating;
