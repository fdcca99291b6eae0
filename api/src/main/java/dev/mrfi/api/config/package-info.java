/**
 * Parameter declarations, validated plugin configuration and configuration errors.
 *
 * <p>Every kind of plugin declares its parameters with the same types, so validation, documentation and
 * error reports behave alike for quantizations, error modes, selectors and observers.
 */
package dev.mrfi.api.config;
