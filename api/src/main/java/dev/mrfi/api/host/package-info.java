/**
 * The host contract: what a framework that runs models implements so that MRFI-J can inject faults
 * into it, and nothing more.
 *
 * <p>A host describes each module of its model with a {@link dev.mrfi.api.host.ModuleDescriptor}: full
 * name, type name, and weight names with shapes. The injector plans against these descriptions. While
 * the host runs a forward pass it calls {@link dev.mrfi.api.host.ForwardHooks} at each module's input,
 * at each of its weights and at its output, with the same names; the engine's per-trial run context is
 * the implementation it receives, so the host never sees the engine itself. A host that classifies
 * offers itself to experiments as a {@link dev.mrfi.api.host.ClassificationModel}.
 *
 * <p>MRFI-J's own pure-Java runtime ({@code mrfi-nn}) is one such host and compiles against this module
 * alone; any other framework can be adapted the same way.
 *
 * <p>Depends on the JDK only.
 *
 * @since 0.1
 */
package dev.mrfi.api.host;
