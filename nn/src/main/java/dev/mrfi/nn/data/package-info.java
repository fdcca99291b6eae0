/**
 * Datasets for evaluating networks: {@link dev.mrfi.nn.data.Idx} reads MNIST-format files,
 * {@link dev.mrfi.nn.data.FashionMnist} finds the Fashion-MNIST test set (installed or bundled) and
 * returns it as a {@link dev.mrfi.nn.data.Dataset}.
 */
package dev.mrfi.nn.data;
