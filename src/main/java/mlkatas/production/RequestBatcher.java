package mlkatas.production;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

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
        throw new UnsupportedOperationException(
                "Kata 9.10 RequestBatcher: implement plan(...), see katas.md#910-requestbatcher");
    }

    // ------------------------------------------------------------------------------------ Part B: live batcher

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
        throw new UnsupportedOperationException(
                "Kata 9.10 RequestBatcher: implement the constructor, see katas.md#910-requestbatcher");
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
        throw new UnsupportedOperationException(
                "Kata 9.10 RequestBatcher: implement submit(...), see katas.md#910-requestbatcher");
    }

    /**
     * Stops accepting requests, dispatches every queued request without waiting for maxWait, and returns once
     * the last batch has finished. Calling it again does nothing more.
     */
    @Override
    public void close() {
        throw new UnsupportedOperationException(
                "Kata 9.10 RequestBatcher: implement close(), see katas.md#910-requestbatcher");
    }
}
