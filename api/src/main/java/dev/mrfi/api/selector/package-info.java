/**
 * The selector SPI: choosing which elements of a tensor receive faults.
 */
package dev.mrfi.api.selector;
