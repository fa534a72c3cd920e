package mlkatas.production;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import mlkatas.Checks;

/**
 * Kata 9.10 RequestBatcher: dynamic batching of inference requests, first as a deterministic planner over
 * timestamps (Part A), then as the live, thread-safe batcher a model server runs (Part B).
 *
 * <p>See katas.md, section "9.10 RequestBatcher".
 *
 * @param <I> the model's input type (one request)
 * @param <O> the model's output type (one answer)
 */
public final class RequestBatcher<I, O> implements AutoCloseable {

    /**
     * One inference request of Part A.
     *
     * @param id        the request's identifier
     * @param timestamp arrival time in seconds, finite
     * @param features  the request's feature vector
     */
    public record Request(int id, double timestamp, double[] features) {
    }

    /**
     * One batch planned by Part A.
     *
     * @param ids         the requests' ids, in batch order
     * @param features    one row per request (copies of the requests' features)
     * @param processTime when the batch is processed: the timestamp of its last request
     */
    public record Batch(int[] ids, double[][] features, double processTime) {
    }

    /**
     * Part A: groups requests into batches the way a batcher would have, replaying their timestamps.
     *
     * <p>Sort the requests by timestamp (stable: equal timestamps keep their list order). Walk them in that
     * order; a request joins the open batch unless the batch already holds {@code maxBatchSize} requests or
     * the request's timestamp minus the batch's <em>first</em> timestamp exceeds {@code maxWaitSeconds}
     * (exactly {@code maxWaitSeconds} still joins). Otherwise the open batch closes and the request opens a
     * new one. The last open batch is emitted too. A batch's processTime is the timestamp of its last
     * request.
     *
     * @param requests       the requests, in any order; neither the list nor the requests are modified
     * @param maxBatchSize   the most requests per batch, ≥ 1
     * @param maxWaitSeconds the longest a batch's first request waits for company, finite and ≥ 0
     * @return the batches in processing order; empty when there are no requests
     * @throws NullPointerException     if {@code requests}, one of its requests or a request's features is null
     *                                  (naming {@code requests[i]} or {@code requests[i].features})
     * @throws IllegalArgumentException if {@code maxBatchSize} &lt; 1, unless {@code maxWaitSeconds} is finite
     *                                  and ≥ 0, or if a timestamp is not finite (naming
     *                                  {@code requests[i].timestamp})
     */
    public static List<Batch> plan(List<Request> requests, int maxBatchSize, double maxWaitSeconds) {
        Checks.notNull(requests, "requests");
        Checks.atLeast(maxBatchSize, 1, "maxBatchSize");
        Checks.nonNegative(maxWaitSeconds, "maxWaitSeconds");
        for (int i = 0; i < requests.size(); i++) {
            Request request = Checks.notNull(requests.get(i), "requests[" + i + "]");
            Checks.notNull(request.features(), "requests[" + i + "].features");
            if (!Double.isFinite(request.timestamp())) {
                throw new IllegalArgumentException("requests[" + i + "].timestamp must be finite, was "
                        + request.timestamp());
            }
        }

        List<Request> sorted = new ArrayList<>(requests);
        sorted.sort(Comparator.comparingDouble(Request::timestamp));   // List.sort is stable

        List<Batch> batches = new ArrayList<>();
        List<Request> open = new ArrayList<>();
        for (Request request : sorted) {
            boolean full = open.size() == maxBatchSize;
            boolean waitedTooLong = !open.isEmpty() && request.timestamp() - open.get(0).timestamp() > maxWaitSeconds;
            if (full || waitedTooLong) {
                batches.add(toBatch(open));
                open = new ArrayList<>();
            }
            open.add(request);
        }
        if (!open.isEmpty()) {
            batches.add(toBatch(open));
        }
        return batches;
    }

    private static Batch toBatch(List<Request> requests) {
        int[] ids = requests.stream().mapToInt(Request::id).toArray();
        double[][] features = requests.stream().map(r -> r.features().clone()).toArray(double[][]::new);
        return new Batch(ids, features, requests.get(requests.size() - 1).timestamp());
    }

    // ------------------------------------------------------------------------------------ Part B: live batcher

    /** A submitted request waiting for its batch. */
    private record Pending<I, O>(I input, CompletableFuture<O> future, long enqueuedNanos) {
    }

    private final Function<List<I>, List<O>> model;
    private final int maxBatchSize;
    private final long maxWaitNanos;

    /** Guards {@link #queue} and {@link #closed}; {@link #changed} is signalled whenever either changes. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Pending<I, O>> queue = new ArrayDeque<>();
    private boolean closed;

    /** The only thread that calls the model, so batches never run concurrently. */
    private final Thread dispatcher;

    /**
     * Part B: starts a batcher in front of {@code model}.
     *
     * <p>Submitted requests queue up in submission order (FIFO). A single dispatcher thread takes the oldest
     * requests as one batch of at most {@code maxBatchSize} as soon as the batch is full, or once its oldest
     * request has waited {@code maxWait}, and calls the model with their inputs. Output i completes the i-th
     * request's future. Because there is one dispatcher, the model is never called concurrently and need not
     * be thread-safe.
     *
     * <p>Build it from {@code java.util.concurrent}: one lock with a {@code Condition} (or a blocking queue)
     * and one dispatcher thread started here. Wait with timeouts ({@code awaitNanos}); never busy-wait or
     * sleep.
     *
     * @param model        maps a batch of inputs to one output per input, in the same order
     * @param maxBatchSize the most requests per model call, ≥ 1
     * @param maxWait      how long the oldest queued request may wait for its batch to fill, ≥ 0
     * @throws NullPointerException     if {@code model} or {@code maxWait} is null
     * @throws IllegalArgumentException if {@code maxBatchSize} &lt; 1 or {@code maxWait} is negative
     */
    public RequestBatcher(Function<List<I>, List<O>> model, int maxBatchSize, Duration maxWait) {
        this.model = Checks.notNull(model, "model");
        this.maxBatchSize = Checks.atLeast(maxBatchSize, 1, "maxBatchSize");
        Checks.notNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must be >= 0, was " + maxWait);
        }
        this.maxWaitNanos = saturatedNanos(maxWait);
        this.dispatcher = new Thread(this::dispatchLoop, "request-batcher");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /**
     * Queues one request for the next batch.
     *
     * @param input the request's input, not null
     * @return a future that completes exactly once: with the model's output for this input, or exceptionally
     *         with the model's exception (or an {@link IllegalStateException} if the model returned a list of
     *         the wrong size) when its batch failed
     * @throws NullPointerException  if {@code input} is null
     * @throws IllegalStateException if the batcher has been closed
     */
    public CompletableFuture<O> submit(I input) {
        Checks.notNull(input, "input");
        CompletableFuture<O> future = new CompletableFuture<>();
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("the batcher is closed: submit before close()");
            }
            queue.addLast(new Pending<>(input, future, System.nanoTime()));
            changed.signal();
        } finally {
            lock.unlock();
        }
        return future;
    }

    /**
     * Stops accepting requests, dispatches every queued request without waiting for maxWait, and returns once
     * the last batch has finished. Calling it again does nothing more.
     */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signal();
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread() != dispatcher) {   // close() from inside the model must not wait for itself
            joinUninterruptibly(dispatcher);
        }
    }

    private void dispatchLoop() {
        while (true) {
            List<Pending<I, O>> batch = nextBatch();
            if (batch == null) {
                return;
            }
            run(batch);
        }
    }

    /** Blocks until a batch is due and takes it from the queue; null once closed and drained. */
    private List<Pending<I, O>> nextBatch() {
        lock.lock();
        try {
            while (queue.isEmpty() && !closed) {
                awaitUninterruptibly(Long.MAX_VALUE);
            }
            if (queue.isEmpty()) {
                return null;
            }
            long deadline = queue.peekFirst().enqueuedNanos() + maxWaitNanos;
            while (queue.size() < maxBatchSize && !closed) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                awaitUninterruptibly(remaining);
            }
            List<Pending<I, O>> batch = new ArrayList<>(Math.min(queue.size(), maxBatchSize));
            while (batch.size() < maxBatchSize && !queue.isEmpty()) {
                batch.add(queue.pollFirst());
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Calls the model outside the lock and completes every future of the batch, whatever happens. */
    private void run(List<Pending<I, O>> batch) {
        List<I> inputs = new ArrayList<>(batch.size());
        for (Pending<I, O> pending : batch) {
            inputs.add(pending.input());
        }
        List<O> outputs;
        try {
            outputs = model.apply(Collections.unmodifiableList(inputs));
        } catch (Throwable failure) {
            batch.forEach(p -> p.future().completeExceptionally(failure));
            return;
        }
        if (outputs == null || outputs.size() != batch.size()) {
            IllegalStateException wrongSize = new IllegalStateException("the model must return one output per"
                    + " input: batch of " + batch.size() + ", model returned "
                    + (outputs == null ? "null" : outputs.size() + " outputs"));
            batch.forEach(p -> p.future().completeExceptionally(wrongSize));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).future().complete(outputs.get(i));
        }
    }

    /** Waits on {@link #changed} for at most {@code nanos}; an interrupt is only a wake-up (we re-check state). */
    private void awaitUninterruptibly(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                changed.await();
            } else {
                changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            // Nobody interrupts the private dispatcher thread; if something does, re-check the state.
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2;
        }
    }
}
