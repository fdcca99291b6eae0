/**
 * NumPy's array files: {@link dev.mrfi.nn.io.Npy} reads {@code .npy} arrays of any numeric dtype into
 * float32 and writes float32; {@link dev.mrfi.nn.io.Npz} reads and writes {@code .npz} archives. Malformed
 * files raise a {@link dev.mrfi.nn.io.DataFileException} whose {@link dev.mrfi.nn.io.DataFileError} id
 * starts its message. This package depends on the JDK and api only.
 */
package dev.mrfi.nn.io;
