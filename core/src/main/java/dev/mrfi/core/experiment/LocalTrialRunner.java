package dev.mrfi.core.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs trials on a fixed pool of threads in this process: the default runner. */
public final class LocalTrialRunner implements TrialRunner {

    private final int threads;
    private final ExecutorService pool;

    /**
     * Starts the pool.
     *
     * @param threads worker threads, at least 1
     */
    public LocalTrialRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    @Override
    public String describe() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public List<TrialJournal.TrialOutcome> run(List<TrialTask> tasks, TrialEvaluator local,
                                               Consumer<TrialJournal.TrialOutcome> finished) {
        List<Future<TrialJournal.TrialOutcome>> futures = new ArrayList<>(tasks.size());
        for (TrialTask task : tasks) {
            futures.add(pool.submit(() -> {
                TrialJournal.TrialOutcome outcome = local.evaluate(task);
                finished.accept(outcome);
                return outcome;
            }));
        }
        List<TrialJournal.TrialOutcome> outcomes = new ArrayList<>(tasks.size());
        try {
            for (Future<TrialJournal.TrialOutcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e.getCause());
        }
        return outcomes;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Provides the local runner for targets {@code threads:N}. */
    public static final class Provider implements TrialRunnerProvider {

        private static final String PREFIX = "threads:";

        @Override
        public String name() {
            return "local";
        }

        @Override
        public String targets() {
            return "threads:N";
        }

        @Override
        public boolean accepts(String target) {
            return target.startsWith(PREFIX) && target.substring(PREFIX.length()).matches("[1-9][0-9]{0,3}");
        }

        @Override
        public TrialRunner create(String target, CampaignSource source) {
            if (!accepts(target)) {
                throw new IllegalArgumentException("not a local target: " + target);
            }
            return new LocalTrialRunner(Integer.parseInt(target.substring(PREFIX.length())));
        }
    }
}
