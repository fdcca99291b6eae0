/**
 * The contract between MRFI-J and its plugins.
 *
 * <p>A plugin is a {@link dev.mrfi.api.PluginProvider}: a stateless, named factory found with
 * {@link java.util.ServiceLoader}. It declares its parameters once, as a
 * {@link dev.mrfi.api.config.ParameterSchema}; the core validates user configuration against that schema
 * and hands the provider an already validated {@link dev.mrfi.api.config.PluginConfig}. The provider
 * builds an immutable, thread-safe operator that works in place on primitive arrays.
 *
 * <p>It is also the contract with host frameworks, the runtimes that run models: see
 * {@link dev.mrfi.api.host}.
 *
 * <p>This module depends on the JDK only.
 */
package dev.mrfi.api;
