package mlkatas.production;

import static mlkatas.support.BadInput.assertRejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import mlkatas.production.RequestBatcher.Batch;
import mlkatas.production.RequestBatcher.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

@DisplayName("9.10 RequestBatcher: dynamic batching, planned (Part A) and live (Part B)")
class RequestBatcherTest {

    @Nested
    @Order(1)
    @DisplayName("Examples")
    class Examples {

        @Test
        @Order(1)
        @DisplayName("four requests, at most 2 per batch → ([1, 2] at 0.1), ([3, 4] at 0.3)")
        void fullBatches() {
            List<Request> requests = List.of(request(1, 0.0, 1, 2), request(2, 0.1, 3, 4), request(3, 0.2, 5, 6),
                    request(4, 0.3, 7, 8));

            List<Batch> batches = RequestBatcher.plan(requests, 2, 10);

            assertBatches(batches, new int[][] {{1, 2}, {3, 4}}, new double[] {0.1, 0.3});
            assertThat(batches.get(0).features()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
            assertThat(batches.get(1).features()).isDeepEqualTo(new double[][] {{5, 6}, {7, 8}});
        }

        @Test
        @Order(2)
        @DisplayName("a request that arrives after maxWait opens a new batch")
        void waitClosesTheBatch() {
            // 0.2 − 0.0 > 0.1 closes [1, 2]; then 0.25 − 0.2 ≤ 0.1 joins request 3's batch.
            List<Request> requests = List.of(request(1, 0.0), request(2, 0.05), request(3, 0.2), request(4, 0.25));

            assertBatches(RequestBatcher.plan(requests, 10, 0.1), new int[][] {{1, 2}, {3, 4}},
                    new double[] {0.05, 0.25});
        }

        @Test
        @Order(3)
        @DisplayName("the wait is measured from the batch's first request, not the previous one")
        void waitFromFirstRequest() {
            List<Request> requests = List.of(request(1, 0.0), request(2, 0.08), request(3, 0.16));

            assertBatches(RequestBatcher.plan(requests, 10, 0.1), new int[][] {{1, 2}, {3}},
                    new double[] {0.08, 0.16});
        }

        @Test
        @Order(4)
        @DisplayName("waiting exactly maxWait still joins")
        void equalWaitJoins() {
            List<Request> requests = List.of(request(1, 0.0), request(2, 0.5));

            assertBatches(RequestBatcher.plan(requests, 10, 0.5), new int[][] {{1, 2}}, new double[] {0.5});
        }

        @Test
        @Order(5)
        @DisplayName("requests are sorted by timestamp; equal timestamps keep their list order")
        void sortedStably() {
            List<Request> requests = List.of(request(7, 0.3), request(5, 0.1), request(6, 0.1), request(4, 0.0));

            assertBatches(RequestBatcher.plan(requests, 2, 1), new int[][] {{4, 5}, {6, 7}}, new double[] {0.1, 0.3});
        }
    }

    @Nested
    @Order(2)
    @DisplayName("Properties")
    class Properties {

        @Test
        @DisplayName("the batches hold every request once, in stable timestamp order")
        void partition() {
            qt().withExamples(300).forAll(requestLists(), integers().between(1, 6), waits())
                    .checkAssert((requests, max, wait) -> {
                        int[] all = RequestBatcher.plan(requests, max, wait).stream()
                                .flatMapToInt(b -> Arrays.stream(b.ids())).toArray();
                        assertThat(all).containsExactly(stableSortedIds(requests));
                    });
        }

        @Test
        @DisplayName("no batch exceeds maxBatchSize or spans more than maxWait; processTime is its last timestamp")
        void limits() {
            qt().withExamples(300).forAll(requestLists(), integers().between(1, 6), waits())
                    .checkAssert((requests, max, wait) -> {
                        for (Batch b : RequestBatcher.plan(requests, max, wait)) {
                            double[] times = timestamps(requests, b.ids());
                            assertThat(b.ids().length).as("batch size").isBetween(1, max);
                            assertThat(times[times.length - 1] - times[0]).as("span").isLessThanOrEqualTo(wait);
                            assertThat(b.processTime()).as("processTime").isEqualTo(times[times.length - 1]);
                        }
                    });
        }

        @Test
        @DisplayName("a batch only closes when it is full or the next request is too late for it")
        void greedy() {
            qt().withExamples(300).forAll(requestLists(), integers().between(1, 6), waits())
                    .checkAssert((requests, max, wait) -> {
                        List<Batch> batches = RequestBatcher.plan(requests, max, wait);
                        for (int k = 0; k + 1 < batches.size(); k++) {
                            double first = timestamps(requests, batches.get(k).ids())[0];
                            double next = timestamps(requests, batches.get(k + 1).ids())[0];
                            assertThat(batches.get(k).ids().length == max || next - first > wait)
                                    .as("batch %d closed although request %d could have joined it", k,
                                            batches.get(k + 1).ids()[0])
                                    .isTrue();
                        }
                    });
        }

        @Test
        @DisplayName("the requests are unchanged and the batches' feature rows are copies")
        void inputsUnchanged() {
            qt().withExamples(200).forAll(requestLists(), integers().between(1, 6), waits())
                    .checkAssert((requests, max, wait) -> {
                        List<Request> before = new ArrayList<>(requests);
                        List<double[]> featuresBefore = requests.stream().map(r -> r.features().clone()).toList();
                        for (Batch b : RequestBatcher.plan(requests, max, wait)) {
                            for (double[] row : b.features()) {
                                assertThat(requests).as("a batch row is a request's own array")
                                        .noneMatch(r -> r.features() == row);
                            }
                        }
                        assertThat(requests).as("the request list").containsExactlyElementsOf(before);
                        for (int i = 0; i < requests.size(); i++) {
                            assertThat(requests.get(i).features()).containsExactly(featuresBefore.get(i));
                        }
                    });
        }
    }

    @Nested
    @Order(3)
    @DisplayName("Oracle")
    class Oracle {

        static final RequestBatcherOracle.Case[] NUMPY_CASES = RequestBatcherOracle.CASES;

        @ParameterizedTest(name = "{0}")
        @FieldSource("NUMPY_CASES")
        @DisplayName("matches a NumPy replay of the planner (stable sort, ties and gaps equal to the wait)")
        void matchesNumpyReplay(RequestBatcherOracle.Case c) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < c.ids().length; i++) {
                requests.add(new Request(c.ids()[i], c.timestamps()[i], new double[] {c.ids()[i]}));
            }

            List<Batch> batches = RequestBatcher.plan(requests, c.maxBatchSize(), c.maxWaitSeconds());

            assertThat(batches).as("number of batches").hasSize(c.batchIds().length);
            for (int k = 0; k < batches.size(); k++) {
                assertThat(batches.get(k).ids()).as("ids of batch %d", k).containsExactly(c.batchIds()[k]);
                assertThat(batches.get(k).processTime()).as("processTime of batch %d", k)
                        .isEqualTo(c.processTimes()[k]);
            }
        }

        @Test
        @DisplayName("matches the rules replayed as \"longest prefix that fits\", batch by batch")
        void matchesPrefixReplay() {
            qt().withExamples(300).forAll(requestLists(), integers().between(1, 6), waits())
                    .checkAssert((requests, max, wait) -> {
                        List<Batch> batches = RequestBatcher.plan(requests, max, wait);
                        List<int[]> expected = prefixReplay(requests, max, wait);
                        assertThat(batches).as("number of batches").hasSize(expected.size());
                        for (int k = 0; k < expected.size(); k++) {
                            assertThat(batches.get(k).ids()).as("batch %d", k).containsExactly(expected.get(k));
                            double[] features = batches.get(k).features()[0];
                            assertThat(features).as("features of batch %d's first request", k)
                                    .containsExactly(featuresOf(requests, expected.get(k)[0]));
                        }
                    });
        }

        /** Independent statement of the rules: the next batch is the longest prefix within both limits. */
        private List<int[]> prefixReplay(List<Request> requests, int max, double wait) {
            List<Request> rest = requests.stream().sorted(Comparator.comparingDouble(Request::timestamp)).toList();
            List<int[]> batches = new ArrayList<>();
            while (!rest.isEmpty()) {
                double first = rest.get(0).timestamp();
                int length = 1;
                while (length < Math.min(max, rest.size()) && rest.get(length).timestamp() - first <= wait) {
                    length++;
                }
                batches.add(rest.subList(0, length).stream().mapToInt(Request::id).toArray());
                rest = rest.subList(length, rest.size());
            }
            return batches;
        }
    }

    @Nested
    @Order(4)
    @DisplayName("Edge cases and bad input")
    class EdgeCases {

        @Test
        @DisplayName("no requests → no batches")
        void noRequests() {
            assertThat(RequestBatcher.plan(List.of(), 4, 1.0)).isEmpty();
        }

        @Test
        @DisplayName("maxWait 0: only requests with the same timestamp share a batch")
        void zeroWait() {
            List<Request> requests = List.of(request(1, 1.0), request(2, 1.0), request(3, 1.5));

            assertBatches(RequestBatcher.plan(requests, 10, 0), new int[][] {{1, 2}, {3}}, new double[] {1.0, 1.5});
        }

        @Test
        @DisplayName("maxBatchSize 1: every request is its own batch")
        void batchSizeOne() {
            List<Request> requests = List.of(request(1, 0.0), request(2, 0.0));

            assertBatches(RequestBatcher.plan(requests, 1, 5), new int[][] {{1}, {2}}, new double[] {0.0, 0.0});
        }

        @Test
        @DisplayName("null requests, a null request or null features are rejected with a NullPointerException")
        void nulls() {
            assertRejects(NullPointerException.class, "RequestBatcher.plan(null, 2, 1)",
                    () -> RequestBatcher.plan(null, 2, 1), "requests");
            List<Request> withNull = Arrays.asList(request(1, 0.0), null);
            assertRejects(NullPointerException.class, "RequestBatcher.plan(withNull, 2, 1)",
                    () -> RequestBatcher.plan(withNull, 2, 1), "requests[1]");
            assertRejects(NullPointerException.class,
                    "RequestBatcher.plan(List.of(request(1, 0.0), new Request(2, 0.0, null)), 2, 1)",
                    () -> RequestBatcher.plan(List.of(request(1, 0.0), new Request(2, 0.0, null)), 2, 1),
                    "requests[1].features");
        }

        @ParameterizedTest(name = "maxBatchSize = {0}")
        @ValueSource(ints = {0, -1})
        @DisplayName("maxBatchSize must be ≥ 1")
        void badBatchSize(int max) {
            assertRejects(IllegalArgumentException.class, "RequestBatcher.plan(List.of(), " + max + ", 1)",
                    () -> RequestBatcher.plan(List.of(), max, 1), "maxBatchSize");
        }

        @ParameterizedTest(name = "maxWaitSeconds = {0}")
        @ValueSource(doubles = {-0.1, Double.NaN, Double.POSITIVE_INFINITY})
        @DisplayName("maxWaitSeconds must be finite and ≥ 0")
        void badWait(double wait) {
            assertRejects(IllegalArgumentException.class, "RequestBatcher.plan(List.of(), 2, " + wait + ")",
                    () -> RequestBatcher.plan(List.of(), 2, wait), "maxWaitSeconds");
        }

        @ParameterizedTest(name = "timestamp = {0}")
        @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        @DisplayName("a timestamp that is not finite is rejected, naming the request")
        void nonFiniteTimestamp(double bad) {
            assertRejects(IllegalArgumentException.class,
                    "RequestBatcher.plan(List.of(request(1, 0.0), request(2, " + bad + ")), 2, 1)",
                    () -> RequestBatcher.plan(List.of(request(1, 0.0), request(2, bad)), 2, 1),
                    "requests[1].timestamp");
        }
    }

    @Nested
    @Order(5)
    @DisplayName("Mistakes")
    class Mistakes {

        @Test
        @DisplayName("wait measured from the previous request: the batch's first request sets its deadline")
        void waitMeasuredFromPreviousRequest() {
            List<Request> requests = List.of(request(1, 0.0), request(2, 0.08), request(3, 0.16));

            List<Batch> batches = RequestBatcher.plan(requests, 10, 0.1);

            assertThat(batches.stream().map(b -> Arrays.toString(b.ids())).toList())
                    .as("requests at 0.0, 0.08, 0.16 with maxWait 0.1: request 1 would wait 0.16 s for request 3."
                            + " Compare each request with the batch's FIRST timestamp, not the previous request's")
                    .containsExactly("[1, 2]", "[3]");
        }

        @Test
        @DisplayName("equal wait still joins: the batch closes only when the gap exceeds maxWait")
        void equalWaitStillJoins() {
            List<Batch> batches = RequestBatcher.plan(List.of(request(1, 0.0), request(2, 0.5)), 10, 0.5);

            assertThat(batches)
                    .as("a request exactly maxWait after the first one must join (use >, not >=, to close)")
                    .hasSize(1);
        }

        @Test
        @DisplayName("last batch dropped: the open batch is emitted at the end")
        void lastBatchDropped() {
            List<Batch> batches = RequestBatcher.plan(List.of(request(1, 0.0), request(2, 0.1), request(3, 0.2)),
                    2, 10);

            assertThat(batches.stream().map(b -> Arrays.toString(b.ids())).toList())
                    .as("the last, partial batch [3] is missing: emit the open batch after the loop")
                    .containsExactly("[1, 2]", "[3]");
        }

        @Test
        @DisplayName("unsorted input: sort by timestamp (stably) before batching")
        void unsortedInput() {
            List<Request> requests = List.of(request(3, 0.2), request(1, 0.0), request(2, 0.1));

            List<Batch> batches = RequestBatcher.plan(requests, 2, 10);

            assertThat(batches.stream().map(b -> Arrays.toString(b.ids())).toList())
                    .as("requests must be batched in arrival (timestamp) order, not list order")
                    .containsExactly("[1, 2]", "[3]");
        }

        @Test
        @DisplayName("features aliased: a batch's rows are copies of the requests' features")
        void featuresAliased() {
            Request r = request(1, 0.0, 1, 2);

            Batch batch = RequestBatcher.plan(List.of(r), 2, 1).get(0);
            batch.features()[0][0] = 99;

            assertThat(r.features())
                    .as("writing into the batch changed the request: copy each row (features().clone())")
                    .containsExactly(1, 2);
        }
    }

    /**
     * Part B, the live batcher. Every test is bounded by a timeout, so an implementation that loses a wake-up
     * or deadlocks fails with a message instead of hanging the build.
     */
    @Nested
    @Tag("partB")
    @Order(6)
    @DisplayName("Part B: the live batcher")
    @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    class PartB {

        /**
         * How long a test waits for a future that must complete. Every wait in these tests is far shorter, so
         * only a request that is never dispatched runs into it; generous for a loaded 2-core machine.
         */
        static final Duration LIVENESS = Duration.ofSeconds(10);
        /**
         * Scheduling slack on top of maxWait for the lone-request latency test: a loaded 2-core CI machine
         * can delay a thread by tens of milliseconds; a batcher that never wakes up is late by seconds.
         */
        static final Duration LATENCY_MARGIN = Duration.ofSeconds(2);
        /** A maxWait no test ever waits for: a batch that needs it to be dispatched is a bug. */
        static final Duration FOREVER = Duration.ofHours(1);

        @Test
        @Order(1)
        @DisplayName("a single request gets the model's answer")
        void singleRequest() throws Exception {
            try (RequestBatcher<Integer, Integer> batcher =
                         new RequestBatcher<>(times(10), 4, Duration.ofMillis(10))) {
                assertThat(await(batcher.submit(7), "the answer to a single request")).isEqualTo(70);
            }
        }

        @Test
        @Order(2)
        @DisplayName("a full batch is dispatched at once, without waiting for maxWait")
        void fullBatchWithoutWaiting() throws Exception {
            Recorder<Integer> model = new Recorder<>();
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(model, 4, FOREVER)) {
                List<CompletableFuture<Integer>> futures = submitAll(batcher, 0, 4);

                for (int i = 0; i < 4; i++) {
                    assertThat(await(futures.get(i), "request " + i + " of a full batch (maxWait is an hour:"
                            + " a full batch must be dispatched as soon as it is full)")).isEqualTo(i);
                }
                assertThat(model.batches()).as("model calls").containsExactly(List.of(0, 1, 2, 3));
            }
        }

        @Test
        @Order(3)
        @DisplayName("requests are batched in submission order (FIFO), at most maxBatchSize per call")
        void fifo() throws Exception {
            Recorder<Integer> model = new Recorder<>();
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(model, 8, Duration.ofMillis(5))) {
                List<CompletableFuture<Integer>> futures = submitAll(batcher, 0, 100);
                for (CompletableFuture<Integer> f : futures) {
                    await(f, "a request of a sequence of 100");
                }
            }
            assertThat(model.batches().stream().flatMap(List::stream).toList()).as("inputs in model-call order")
                    .containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
            assertThat(model.maxBatchSize()).as("largest batch").isLessThanOrEqualTo(8);
        }

        @Test
        @Order(4)
        @DisplayName("a lone request is answered within maxWait plus a generous margin")
        void loneRequestLatency() throws Exception {
            Duration maxWait = Duration.ofMillis(50);
            Recorder<Integer> model = new Recorder<>();
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(model, 16, maxWait)) {
                long start = System.nanoTime();
                CompletableFuture<Integer> future = batcher.submit(1);
                await(future, "a lone request");
                Duration latency = Duration.ofNanos(model.firstCallNanos() - start);

                assertThat(latency)
                        .as("a lone request reached the model after %d ms; with maxWait %d ms it must be dispatched"
                                + " once it has waited maxWait (wait with awaitNanos until its deadline)",
                                latency.toMillis(), maxWait.toMillis())
                        .isLessThanOrEqualTo(maxWait.plus(LATENCY_MARGIN));
            }
        }

        @Test
        @Order(5)
        @DisplayName("a lone request waits maxWait for company before it is dispatched")
        void loneRequestWaitsForCompany() throws Exception {
            Duration maxWait = Duration.ofMillis(100);
            Recorder<Integer> model = new Recorder<>();
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(model, 16, maxWait)) {
                long start = System.nanoTime();
                await(batcher.submit(1), "a lone request");
                Duration waited = Duration.ofNanos(model.firstCallNanos() - start);

                assertThat(waited)
                        .as("a lone request reached the model after only %d ms: a batch that is not full is"
                                + " dispatched when its oldest request has waited maxWait (%d ms), not at once",
                                waited.toMillis(), maxWait.toMillis())
                        .isGreaterThanOrEqualTo(maxWait);
            }
        }

        @Test
        @Order(6)
        @DisplayName("lost wake-up: the last, partial batch is dispatched after maxWait")
        void lostWakeUp() throws Exception {
            Recorder<Integer> model = new Recorder<>();
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(model, 10, Duration.ofMillis(20))) {
                List<CompletableFuture<Integer>> futures = submitAll(batcher, 0, 25);

                for (int i = 0; i < 25; i++) {
                    assertThat(await(futures.get(i), "request " + i + " of 25 with maxBatchSize 10: the last 5 form"
                            + " a partial batch that nothing but the maxWait deadline dispatches. Lost wake-up: the"
                            + " dispatcher must wait with a timeout (awaitNanos until the oldest request's"
                            + " deadline), not until the next submit signals it")).isEqualTo(i);
                }
            }
        }

        @Test
        @Order(7)
        @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
        @DisplayName("load: 8 threads × 10,000 submissions each get their own answer, none lost, no batch too big")
        void eightThreadsTenThousandEach() throws Exception {
            int threads = 8;
            int perThread = 10_000;
            int maxBatch = 32;
            Recorder<Integer> model = new Recorder<>();
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(model, maxBatch, Duration.ofMillis(2))) {
                List<List<CompletableFuture<Integer>>> futures = submitConcurrently(batcher, threads, perThread);
                assertOwnAnswers(futures, perThread, 1);
            }
            int[] timesSeen = new int[threads * perThread];
            model.batches().forEach(batch -> batch.forEach(input -> timesSeen[input]++));
            List<Integer> notExactlyOnce = IntStream.range(0, timesSeen.length).filter(i -> timesSeen[i] != 1)
                    .limit(10).boxed().toList();
            assertThat(notExactlyOnce).as("inputs that reached the model more or less than once (first 10)").isEmpty();
            assertThat(model.maxBatchSize()).as("largest batch").isLessThanOrEqualTo(maxBatch);
            assertThat(model.maxConcurrentCalls()).as("concurrent model calls").isEqualTo(1);
        }

        @Test
        @Order(8)
        @DisplayName("outputs matched to the wrong futures: output i of a batch belongs to request i")
        void outputsMatchedToWrongFutures() throws Exception {
            // Two callers may send the same input; the model tags each output with its position in the batch.
            Function<List<String>, List<String>> tagging =
                    inputs -> IntStream.range(0, inputs.size()).mapToObj(i -> inputs.get(i) + "@" + i).toList();
            try (RequestBatcher<String, String> batcher = new RequestBatcher<>(tagging, 4, FOREVER)) {
                List<CompletableFuture<String>> futures = new ArrayList<>();
                for (String input : List.of("a", "b", "a", "b")) {
                    futures.add(batcher.submit(input));
                }
                for (int i = 3; i >= 0; i--) {
                    String expected = List.of("a", "b", "a", "b").get(i) + "@" + i;
                    assertThat(await(futures.get(i), "request " + i + " of the batch [a, b, a, b] (did an equal"
                            + " input's future take its answer?)"))
                            .as("request %d of the batch [a, b, a, b] got another position's output: complete future"
                                    + " i with output i, by position, never by looking the input up (callers can"
                                    + " send equal inputs)", i)
                            .isEqualTo(expected);
                }
            }
            // The same under concurrency: each input and its future must travel together.
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(times(3), 8, Duration.ofMillis(1))) {
                assertOwnAnswers(submitConcurrently(batcher, 4, 2_500), 2_500, 3);
            }
        }

        @Test
        @Order(9)
        @DisplayName("the model is never called concurrently")
        void modelNeverCalledConcurrently() throws Exception {
            Recorder<Integer> model = new Recorder<>(Duration.ofMillis(1));
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(model, 4, Duration.ZERO)) {
                for (List<CompletableFuture<Integer>> futures : submitConcurrently(batcher, 4, 100)) {
                    for (CompletableFuture<Integer> f : futures) {
                        await(f, "a request");
                    }
                }
            }
            assertThat(model.maxConcurrentCalls())
                    .as("the model ran %d batches at the same time: call it from one dispatcher thread only, so a"
                            + " model that is not thread-safe works", model.maxConcurrentCalls())
                    .isEqualTo(1);
        }

        @Test
        @Order(10)
        @DisplayName("exceptions swallowed: a failing batch fails its futures, and the next batch succeeds")
        void exceptionsSwallowed() throws Exception {
            AtomicReference<RuntimeException> thrown = new AtomicReference<>();
            Function<List<String>, List<String>> model = inputs -> {
                if (inputs.contains("poison")) {
                    RuntimeException e = new IllegalArgumentException("the model rejects " + inputs);
                    thrown.set(e);
                    throw e;
                }
                return inputs.stream().map(String::toUpperCase).toList();
            };
            try (RequestBatcher<String, String> batcher = new RequestBatcher<>(model, 2, FOREVER)) {
                CompletableFuture<String> poison = batcher.submit("poison");
                CompletableFuture<String> neighbour = batcher.submit("a");

                assertThat(failureOf(poison, "the poison request")).as("the failure of the poison request")
                        .isSameAs(thrown.get());
                assertThat(failureOf(neighbour, "the poison request's batch neighbour"))
                        .as("the failure of the other request in the failing batch").isSameAs(thrown.get());

                CompletableFuture<String> b = batcher.submit("b");
                CompletableFuture<String> c = batcher.submit("c");
                assertThat(await(b, "the batch after a failing one (did the dispatcher die with the model's"
                        + " exception? catch it and keep going)")).isEqualTo("B");
                assertThat(await(c, "the batch after a failing one")).isEqualTo("C");
            }
        }

        @Test
        @Order(11)
        @DisplayName("a model that returns the wrong number of outputs fails that batch with IllegalStateException")
        void wrongSizeOutput() throws Exception {
            Function<List<String>, List<String>> model =
                    inputs -> inputs.contains("short") ? inputs.subList(1, inputs.size()) : inputs;
            try (RequestBatcher<String, String> batcher = new RequestBatcher<>(model, 2, FOREVER)) {
                CompletableFuture<String> first = batcher.submit("short");
                CompletableFuture<String> second = batcher.submit("x");

                assertThat(failureOf(first, "a request whose batch got 1 output for 2 inputs"))
                        .as("failure when the model returns 1 output for 2 inputs: check the size before"
                                + " completing any future").isInstanceOf(IllegalStateException.class);
                assertThat(failureOf(second, "the other request of that batch"))
                        .isInstanceOf(IllegalStateException.class);

                CompletableFuture<String> next = batcher.submit("y");
                batcher.submit("z");
                assertThat(await(next, "the batch after a wrong-size one")).isEqualTo("y");
            }
        }

        @Test
        @Order(12)
        @DisplayName("submit after close fails with IllegalStateException")
        void submitAfterClose() {
            RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(times(1), 4, Duration.ofMillis(5));
            batcher.close();

            assertThatIllegalStateException().isThrownBy(() -> batcher.submit(1));
        }

        @Test
        @Order(13)
        @DisplayName("close dispatches the pending requests without waiting for maxWait")
        void closeDispatchesPending() throws Exception {
            RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(times(2), 100, FOREVER);
            List<CompletableFuture<Integer>> futures = submitAll(batcher, 0, 3);

            batcher.close();

            for (int i = 0; i < 3; i++) {
                assertThat(futures.get(i))
                        .as("request %d was still pending when close() returned: close dispatches what is queued"
                                + " (without waiting for maxWait) and returns when it is done", i)
                        .isCompletedWithValue(2 * i);
            }
        }

        @Test
        @Order(14)
        @DisplayName("close waits for the batch the model is working on")
        void closeWaitsForInFlightBatches() throws Exception {
            CountDownLatch entered = new CountDownLatch(1);
            Function<List<Integer>, List<Integer>> slowModel = inputs -> {
                entered.countDown();
                sleep(Duration.ofMillis(200));
                return inputs;
            };
            RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(slowModel, 1, FOREVER);
            CompletableFuture<Integer> future = batcher.submit(5);
            assertThat(entered.await(LIVENESS.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the model was never called for a full batch of 1").isTrue();

            batcher.close();

            assertThat(future).as("close() returned while the model was still working on a batch: wait for the"
                    + " dispatcher to finish (join it)").isCompletedWithValue(5);
        }

        @Test
        @Order(15)
        @DisplayName("close on an idle batcher returns, and closing twice is harmless")
        void closeIdleTwice() {
            RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(times(1), 4, FOREVER);

            batcher.close();
            batcher.close();

            assertThatIllegalStateException().isThrownBy(() -> batcher.submit(1));
        }

        @Test
        @Order(16)
        @DisplayName("bad arguments: null model or maxWait, maxBatchSize < 1, negative maxWait, null input")
        void badArguments() {
            Function<List<Integer>, List<Integer>> noModel = null;
            assertRejects(NullPointerException.class, "new RequestBatcher<>(null, 4, FOREVER)",
                    () -> new RequestBatcher<>(noModel, 4, FOREVER), "model");
            assertRejects(NullPointerException.class, "new RequestBatcher<>(times(1), 4, null)",
                    () -> new RequestBatcher<>(times(1), 4, null), "maxWait");
            assertRejects(IllegalArgumentException.class, "new RequestBatcher<>(times(1), 0, FOREVER)",
                    () -> new RequestBatcher<>(times(1), 0, FOREVER), "maxBatchSize");
            assertRejects(IllegalArgumentException.class,
                    "new RequestBatcher<>(times(1), 4, Duration.ofMillis(-1))",
                    () -> new RequestBatcher<>(times(1), 4, Duration.ofMillis(-1)), "maxWait");
            try (RequestBatcher<Integer, Integer> batcher = new RequestBatcher<>(times(1), 4, FOREVER)) {
                assertRejects(NullPointerException.class, "batcher.submit(null)",
                        () -> batcher.submit(null), "input");
            }
        }

        /**
         * Checks that the future of input x (thread t submitted t·perThread + i) completed with factor·x; one
         * assertion for all of them, naming the first few that got another request's answer.
         */
        private void assertOwnAnswers(List<List<CompletableFuture<Integer>>> futures, int perThread, int factor)
                throws InterruptedException {
            List<String> wrong = new ArrayList<>();
            int wrongCount = 0;
            for (int t = 0; t < futures.size(); t++) {
                for (int i = 0; i < perThread; i++) {
                    int input = t * perThread + i;
                    Integer answer = await(futures.get(t).get(i), "request " + input);
                    if (answer == null || answer != factor * input) {
                        wrongCount++;
                        if (wrong.size() < 5) {
                            wrong.add("request " + input + " got " + answer + " instead of " + factor * input);
                        }
                    }
                }
            }
            assertThat(wrong)
                    .as("%d of %d futures got another request's answer (outputs matched to the wrong futures): keep"
                            + " each input and its future together in one queue, taken under one lock, and complete"
                            + " future i of a batch with output i", wrongCount, futures.size() * perThread)
                    .isEmpty();
        }

        /** Waits for a future that must complete normally; a timeout means it was never dispatched. */
        private <T> T await(CompletableFuture<T> future, String what) throws InterruptedException {
            try {
                return future.get(LIVENESS.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return fail("%s never completed (waited %d s): it was never dispatched, or its batch's result never"
                        + " reached its future", what, LIVENESS.toSeconds());
            } catch (ExecutionException e) {
                return fail("%s failed with %s", what, e.getCause());
            }
        }

        /** Waits for a future that must complete exceptionally and returns the exception. */
        private Throwable failureOf(CompletableFuture<?> future, String what) throws InterruptedException {
            try {
                Object value = future.get(LIVENESS.toMillis(), TimeUnit.MILLISECONDS);
                return fail("%s completed with %s but its batch failed: complete every future of a failed batch"
                        + " exceptionally", what, value);
            } catch (TimeoutException e) {
                return fail("%s never completed (waited %d s) after the model failed: an exception was swallowed."
                        + " Complete every future of the batch exceptionally with it, and keep the dispatcher"
                        + " running", what, LIVENESS.toSeconds());
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }

        private List<CompletableFuture<Integer>> submitAll(RequestBatcher<Integer, Integer> batcher, int from, int to) {
            List<CompletableFuture<Integer>> futures = new ArrayList<>();
            for (int i = from; i < to; i++) {
                futures.add(batcher.submit(i));
            }
            return futures;
        }

        /** Thread t submits t·perThread … (t+1)·perThread − 1, all threads released at once. */
        private List<List<CompletableFuture<Integer>>> submitConcurrently(RequestBatcher<Integer, Integer> batcher,
                                                                          int threads, int perThread)
                throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<CompletableFuture<Integer>>>> submitted = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = t * perThread;
                    submitted.add(pool.submit(() -> {
                        start.await();
                        return submitAll(batcher, from, from + perThread);
                    }));
                }
                start.countDown();
                List<List<CompletableFuture<Integer>>> futures = new ArrayList<>();
                for (Future<List<CompletableFuture<Integer>>> f : submitted) {
                    futures.add(f.get(LIVENESS.toMillis(), TimeUnit.MILLISECONDS));
                }
                return futures;
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** An echo model that records its calls: batches, the largest batch, overlapping calls, first call time. */
    private static final class Recorder<T> implements Function<List<T>, List<T>> {
        private final ConcurrentLinkedQueue<List<T>> batches = new ConcurrentLinkedQueue<>();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();
        private final AtomicLong firstCall = new AtomicLong();
        private final Duration work;

        Recorder() {
            this(Duration.ZERO);
        }

        Recorder(Duration work) {
            this.work = work;
        }

        @Override
        public List<T> apply(List<T> inputs) {
            firstCall.compareAndSet(0, System.nanoTime());
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                batches.add(List.copyOf(inputs));
                sleep(work);
                return new ArrayList<>(inputs);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        List<List<T>> batches() {
            return new ArrayList<>(batches);
        }

        int maxBatchSize() {
            return batches.stream().mapToInt(List::size).max().orElse(0);
        }

        int maxConcurrentCalls() {
            return maxInFlight.get();
        }

        long firstCallNanos() {
            return firstCall.get();
        }
    }

    private static Function<List<Integer>, List<Integer>> times(int factor) {
        return inputs -> inputs.stream().map(x -> x * factor).collect(Collectors.toList());
    }

    /** The test models may take time (that is what a model does); the batcher itself must never sleep. */
    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Request request(int id, double timestamp, double... features) {
        return new Request(id, timestamp, features);
    }

    private static void assertBatches(List<Batch> batches, int[][] ids, double[] processTimes) {
        assertThat(batches.stream().map(b -> Arrays.toString(b.ids())).toList()).as("batch ids")
                .containsExactlyElementsOf(Arrays.stream(ids).map(Arrays::toString).toList());
        assertThat(batches.stream().mapToDouble(Batch::processTime).toArray()).as("processTimes")
                .containsExactly(processTimes);
    }

    /** Request lists of 0 to 30 requests with ids 0…n−1, timestamps on a 0.05 s grid (so ties happen). */
    private static Gen<List<Request>> requestLists() {
        Gen<Integer> sizes = integers().between(0, 30);
        Gen<Integer> ticks = integers().between(0, 60);
        Gen<List<Request>> gen = in -> {
            int n = sizes.generate(in);
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                requests.add(new Request(i, ticks.generate(in) * 0.05, new double[] {i, -i}));
            }
            return requests;
        };
        return gen.describedAs(rs -> rs.stream().map(r -> r.id() + "@" + r.timestamp()).toList().toString());
    }

    /** maxWait on a 0.05 s grid from 0 to 1 s. */
    private static Gen<Double> waits() {
        return integers().between(0, 20).map(k -> k * 0.05);
    }

    private static int[] stableSortedIds(List<Request> requests) {
        return requests.stream().sorted(Comparator.comparingDouble(Request::timestamp)).mapToInt(Request::id).toArray();
    }

    private static double[] timestamps(List<Request> requests, int[] ids) {
        return Arrays.stream(ids).mapToDouble(id -> requests.get(id).timestamp()).toArray();
    }

    private static double[] featuresOf(List<Request> requests, int id) {
        return requests.get(id).features();
    }
}
