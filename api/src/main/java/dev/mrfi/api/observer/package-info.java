/**
 * The observer SPI: statistics of tensors as they pass a hook point, optionally against a golden run.
 */
package dev.mrfi.api.observer;
