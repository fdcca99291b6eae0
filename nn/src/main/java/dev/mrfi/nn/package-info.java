/**
 * A small float32 inference runtime that hosts fault injection: layers ({@link dev.mrfi.nn.Conv2d},
 * {@link dev.mrfi.nn.Linear}, {@link dev.mrfi.nn.ReLU}, {@link dev.mrfi.nn.MaxPool2d},
 * {@link dev.mrfi.nn.AvgPool2d}, {@link dev.mrfi.nn.Flatten}, and any layer a user writes by extending
 * {@link dev.mrfi.nn.Layer}) composed with {@link dev.mrfi.nn.Sequential} into a
 * {@link dev.mrfi.nn.Network}, which describes its modules to the injector as
 * {@link dev.mrfi.api.host.ModuleDescriptor}s and calls the {@link dev.mrfi.api.host.ForwardHooks} it is
 * given around every module, PyTorch-style. {@link dev.mrfi.nn.LeNet} builds LeNet-5 from PyTorch
 * weights.
 *
 * <p>Tensors are batch first, row-major, in one {@code float[]} each. A host in the sense of
 * {@link dev.mrfi.api.host}: it depends on the JDK and the api only, never on the engine.
 */
package dev.mrfi.nn;
