/**
 * The error-mode SPI: replacing selected values with faulty ones.
 */
package dev.mrfi.api.errormode;
