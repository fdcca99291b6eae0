/**
 * The built-in observers: every observer of the reference MRFI (MinMax, MaxAbs, MeanAbs, Std, Shape,
 * SaveLast, UniformSampling and the golden/faulty comparisons RMSE, MAE and EqualRate).
 *
 * <p>Each observer is a public provider, found through {@code META-INF/services}, and a package-private
 * stateful operator used by one thread at a time. Statistics read {@code float} values and accumulate in
 * {@code double}; an observer copies whatever it keeps and never changes the tensors it is given.
 */
package dev.mrfi.observer;
