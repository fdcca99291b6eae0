/**
 * The built-in error modes: every error mode of the reference MRFI (integer and float bit flips, set to
 * zero or a value, random values and noise) plus bit stuck-at and multi-bit faults.
 *
 * <p>Each mode is a public provider, found through {@code META-INF/services}, and a package-private
 * immutable operator. The integer modes read a float as an integer code exactly as the reference does on
 * a CPU; the float modes fault the IEEE-754 pattern of float16, float32 or float64.
 */
package dev.mrfi.errormode;
