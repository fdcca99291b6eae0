/**
 * The quantization SPI: turning float32 values into integer codes held in float32, and back, in place.
 */
package dev.mrfi.api.quantization;
