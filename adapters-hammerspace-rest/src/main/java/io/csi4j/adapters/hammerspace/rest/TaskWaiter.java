package io.csi4j.adapters.hammerspace.rest;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a 202's {@code Location} to its task and polls {@code GET /tasks/{uuid}} on the configured endpoint (the
 * host in {@code Location} is ignored) until it ends or the deadline passes. Only COMPLETED is success. FAILED,
 * HALTED, CANCELLED and RESUMED are failures a retry may fix (Unavailable); VALIDATION_FAILED means the request
 * itself was refused (InvalidArgument). Every other status means "still running". Polls start at once and back
 * off from {@code pollStart} doubling to {@code pollMax}; a poll that errors is retried until the deadline. A task
 * still running at the deadline is Timeout: it goes on in the array, and the caller's retry reads the state back.
 */
public final class TaskWaiter {

    static final Set<String> RETRYABLE_FAILURES = Set.of("FAILED", "HALTED", "CANCELLED", "RESUMED");
    static final String REFUSED = "VALIDATION_FAILED";
    static final String COMPLETED = "COMPLETED";

    private final HsHttp http;
    private final Sleeper sleeper;

    public TaskWaiter(HsHttp http) {
        this(http, Thread::sleep);
    }

    TaskWaiter(HsHttp http, Sleeper sleeper) {
        this.http = http;
        this.sleeper = sleeper;
    }

    /** Pauses between polls; a seam for tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** The task id in a Location header: its last path segment. */
    static Optional<String> taskId(String location) {
        String path;
        try {
            path = java.net.URI.create(location.strip()).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.lastIndexOf('/');
        String id = path.substring(slash + 1);
        boolean underTasks = slash > 0 && path.substring(0, slash).endsWith("/tasks");
        return underTasks && id.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*") ? Optional.of(id) : Optional.empty();
    }

    /**
     * Waits for the task a 202 named. A 202 without a usable Location is OperationPending: the request was accepted
     * but cannot be followed, so the caller answers "try again" and the retry reads the state back.
     */
    public Either<Failure, Model.Task> await(String what, HsResponse accepted) {
        Optional<String> id = accepted.location().flatMap(TaskWaiter::taskId);
        if (id.isEmpty()) {
            return Either.left(Failure.pending("Hammerspace accepted the request to " + what
                    + " without naming a task to follow; its outcome is read back on the next attempt"));
        }
        Duration timeout = http.config().taskTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = http.config().pollStart().toMillis();
        String last = "not polled yet";
        while (true) {
            Either<Failure, HsResponse> r = http.send(HsRequest.get("tasks").var("uuid", id.get()).build());
            if (r.isRight() && r.get().is(200)) {
                Either<Failure, Model.Task> t = Json.tree("the task poll", r.get()).map(Model.Task::of);
                if (t.isLeft()) {
                    return t;
                }
                Optional<Either<Failure, Model.Task>> end = ended(what, t.get());
                if (end.isPresent()) {
                    return end.get();
                }
                last = t.get().status();
            } else if (r.isRight() && r.get().is(404)) {
                return Either.left(Failure.unavailable("the task " + id.get() + " to " + what
                        + " disappeared from Hammerspace; its outcome is read back on the next attempt"));
            } else {
                last = r.isLeft() ? r.getLeft().message() : "HTTP " + r.get().status();
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return Either.left(new Failure.Timeout("the task " + id.get() + " to " + what + " did not end within "
                        + timeout.toSeconds() + " s (last seen: " + last + "); it may still complete"));
            }
            try {
                sleeper.sleep(Math.min(pause, left));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Either.left(Failure.unavailable("interrupted while waiting for the task to " + what));
            }
            pause = Math.min(Math.max(1, pause * 2), http.config().pollMax().toMillis());
        }
    }

    private static Optional<Either<Failure, Model.Task>> ended(String what, Model.Task t) {
        String status = t.status();
        if (status.equals(COMPLETED)) {
            return Optional.of(Either.right(t));
        }
        String detail = "the task to " + what + " ended " + status
                + (t.message().isEmpty() ? "" : ": " + Statuses.shorten(t.message()));
        if (status.equals(REFUSED)) {
            return Optional.of(Either.left(Failure.invalidArgument("Hammerspace refused it: " + detail)));
        }
        if (RETRYABLE_FAILURES.contains(status)) {
            return Optional.of(Either.left(Failure.unavailable(detail)));
        }
        return Optional.empty();
    }
}
