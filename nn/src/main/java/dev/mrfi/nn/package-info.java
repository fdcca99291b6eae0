/**
 * A small float32 inference runtime that hosts fault injection: layers ({@link dev.mrfi.nn.Conv2d},
 * {@link dev.mrfi.nn.Linear}, {@link dev.mrfi.nn.ReLU}, {@link dev.mrfi.nn.MaxPool2d},
 * {@link dev.mrfi.nn.AvgPool2d}, {@link dev.mrfi.nn.Flatten}) composed with
 * {@link dev.mrfi.nn.Sequential} into a {@link dev.mrfi.nn.Network}, which describes its modules to the
 * injector and calls core's {@link dev.mrfi.core.engine.ForwardHooks} around every module, PyTorch-style.
 * {@link dev.mrfi.nn.LeNet} builds LeNet-5 from PyTorch weights.
 *
 * <p>Tensors are batch first, row-major, in one {@code float[]} each. No dependency beyond the JDK, api
 * and core.
 */
package dev.mrfi.nn;
