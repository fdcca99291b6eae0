package dev.mrfi.core.experiment;

import dev.mrfi.api.TensorShape;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * What the sweep ({@link Experiments}) and the toolkit ({@link ExperimentToolkit}) both do around a forward
 * pass: cut the labelled data into batches, and wait for work submitted to their pools, rethrowing a
 * worker's failure as it was thrown.
 */
final class Batches {

    /** Receives one batch: its images, their shape (batch first) and their labels. */
    interface Consumer {
        void accept(float[] input, TensorShape shape, int[] labels);
    }

    private Batches() {
    }

    /** Hands every batch of {@code data} to {@code consumer}, in order. */
    static void forEach(LabeledData data, int batchSize, Consumer consumer) {
        forEach(data, batchSize, 0, Integer.MAX_VALUE, consumer);
    }

    /** Hands batches {@code [firstBatch, endBatch)} of {@code data} (those that exist) to {@code consumer}. */
    static void forEach(LabeledData data, int batchSize, int firstBatch, int endBatch, Consumer consumer) {
        int[] dims = data.shape().dims();
        int perExample = data.images().length / data.size();
        long from = (long) firstBatch * batchSize;
        long to = Math.min(data.size(), (long) endBatch * batchSize);
        for (int start = (int) from; start < to; start += batchSize) {
            int count = Math.min(batchSize, data.size() - start);
            float[] input = Arrays.copyOfRange(data.images(), start * perExample, (start + count) * perExample);
            dims[0] = count;
            consumer.accept(input, TensorShape.of(dims), Arrays.copyOfRange(data.labels(), start, start + count));
        }
    }

    /** Waits for a submitted task; a worker's runtime exception is rethrown as it is. */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (CancellationException e) {
            throw new IllegalStateException("trial cancelled", e);
        }
    }
}
