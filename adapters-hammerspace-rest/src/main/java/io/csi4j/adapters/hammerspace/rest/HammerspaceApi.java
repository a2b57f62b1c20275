package io.csi4j.adapters.hammerspace.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The Hammerspace management API as typed calls. Each method names the statuses it treats as answers (a 404 that
 * means "absent", the 400 texts that mean "already done") and turns every other status into a failure through
 * {@link Statuses}; asynchronous calls wait for their task with {@link TaskWaiter}.
 */
public final class HammerspaceApi implements AutoCloseable {

    private final HsHttp http;
    private final TaskWaiter tasks;

    public HammerspaceApi(HsHttp http) {
        this.http = http;
        this.tasks = new TaskWaiter(http);
    }

    public ClientConfig config() {
        return http.config();
    }

    /** A fresh login: whether the Anvil is reachable and accepts the account. */
    public Either<Failure, Done> login() {
        return http.login();
    }

    // ---- cluster -----------------------------------------------------------------------------------------------

    public Either<Failure, Model.ClusterState> clusterState() {
        return json("read the cluster state", HsRequest.get("cntl", "state").build()).map(Model.ClusterState::of);
    }

    public Either<Failure, List<Model.DataPortal>> dataPortals() {
        return list("list data portals", HsRequest.get("data-portals").trailingSlash().build(), Model.DataPortal::of);
    }

    /** The objectives, as the whole objects (the create body embeds them). */
    public Either<Failure, List<JsonNode>> objectives() {
        return list("list objectives", HsRequest.get("objectives").build(), n -> n);
    }

    public Either<Failure, List<Model.Task>> tasks() {
        return list("list tasks", HsRequest.get("tasks").build(), Model.Task::of);
    }

    // ---- shares ------------------------------------------------------------------------------------------------

    /** The share, or empty when the API answers 404. */
    public Either<Failure, Optional<Model.Share>> share(String name) {
        String what = "read share " + name;
        return http.send(HsRequest.get("shares").var("name", name).build()).flatMap(r -> {
            if (r.is(404)) {
                return Either.right(Optional.empty());
            }
            if (!r.is(200)) {
                return Either.left(Statuses.failure(what, r));
            }
            return Json.tree(what, r).map(n -> Optional.of(Model.Share.of(n)));
        });
    }

    public Either<Failure, List<Model.Share>> shares() {
        return list("list shares", HsRequest.get("shares").build(), Model.Share::of);
    }

    /**
     * Creates a share and waits for its task. A 400 while a create task for the same name is running is
     * OperationPending (the earlier attempt is still at work); any other 400 is the Anvil refusing the request.
     */
    public Either<Failure, Done> createShare(Model.ShareRequest request) {
        String what = "create share " + request.name();
        return http.send(HsRequest.post("shares").json(request.toJson()).build()).flatMap(r -> {
            if (r.is(202)) {
                return tasks.await(what, r).map(t -> Done.DONE);
            }
            if (r.is(400)) {
                return createRunning(request.name()).flatMap(running -> running
                        ? Either.left(Failure.pending("a task creating share " + request.name() + " is still running"))
                        : Either.left(Statuses.failure(what, r)));
            }
            return Either.left(Statuses.failure(what, r));
        });
    }

    private Either<Failure, Boolean> createRunning(String name) {
        return tasks().map(all -> all.stream().anyMatch(t -> t.subject().equals(name)
                && t.type().equals("share-create") && !t.status().equals(TaskWaiter.COMPLETED)
                && !TaskWaiter.RETRYABLE_FAILURES.contains(t.status()) && !t.status().equals(TaskWaiter.REFUSED)));
    }

    /** Changes a share by PUT of its whole document with {@code change} applied, and waits for the task. */
    public Either<Failure, Done> updateShare(Model.Share share, Function<ObjectNode, ObjectNode> change) {
        String what = "update share " + share.name();
        ObjectNode doc = change.apply(share.document().deepCopy());
        return http.send(HsRequest.put("shares").var("name", share.name()).json(Json.bytes(doc)).build()).flatMap(r -> {
            if (r.is(202)) {
                return tasks.await(what, r).map(t -> Done.DONE);
            }
            if (r.is(404)) {
                return Either.left(Failure.notFound("share " + share.name() + " does not exist"));
            }
            return Either.left(Statuses.failure(what, r));
        });
    }

    /**
     * Deletes a share with its directory and waits for the task. An unknown share (404), one already REMOVED, and a
     * 200 are done; a delete already running is OperationPending.
     */
    public Either<Failure, Done> deleteShare(String name, OptionalLong delaySeconds) {
        String what = "delete share " + name;
        var b = HsRequest.delete("shares").var("name", name).query("delete-path", "true");
        delaySeconds.ifPresent(d -> b.query("delete-delay", Long.toString(d)));
        return http.send(b.build()).flatMap(r -> {
            if (r.is(200) || r.is(404)) {
                return Either.right(Done.DONE);
            }
            if (r.is(202)) {
                return tasks.await(what, r).map(t -> Done.DONE);
            }
            if (r.is(400) && r.text().contains("Cannot remove a share with state REMOVED")) {
                return Either.right(Done.DONE);
            }
            if (r.is(400) && r.text().contains("already running")) {
                return Either.left(Failure.pending("a task deleting share " + name + " is already running"));
            }
            return Either.left(Statuses.failure(what, r));
        });
    }

    /** Applies an objective to a share ({@code path} "/") or to a path inside it (relative, no leading slash). */
    public Either<Failure, Done> objectiveSet(String share, String path, String objective) {
        String what = "set objective " + objective + " on " + share + (path.equals("/") ? "" : "/" + path);
        return http.send(HsRequest.post("shares").var("name", share).word("objective-set").query("path", path)
                .query("objective-identifier", objective).build()).flatMap(r -> r.is(200)
                        ? Either.right(Done.DONE) : Either.left(Statuses.failure(what, r)));
    }

    // ---- files -------------------------------------------------------------------------------------------------

    /** A namespace entry; empty for 404, and for 500, which the API also answers for a missing path. */
    public Either<Failure, Optional<Model.FileEntry>> file(String path) {
        String what = "read " + path;
        return http.send(HsRequest.get("files").query("path", path).build()).flatMap(r -> {
            if (r.is(404) || r.is(500)) {
                return Either.right(Optional.empty());
            }
            if (!r.is(200)) {
                return Either.left(Statuses.failure(what, r));
            }
            return Json.tree(what, r).map(n -> Optional.of(Model.FileEntry.of(n)));
        });
    }

    // ---- share snapshots ---------------------------------------------------------------------------------------

    /** Cuts a share snapshot; its name, with the quotes and blanks some Anvils put around it removed. */
    public Either<Failure, String> createShareSnapshot(String share) {
        String what = "snapshot share " + share;
        var request = HsRequest.post("share-snapshots", "snapshot-create").var("share", share).build();
        return http.send(request).flatMap(r -> {
            if (!r.is(200)) {
                return Either.left(r.is(404) ? Failure.notFound("share " + share + " does not exist")
                        : Statuses.failure(what, r));
            }
            String name = r.text().strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            return name.isEmpty() || name.contains("/") || name.contains("|")
                    ? Either.left(Failure.defect("Hammerspace named the snapshot of " + share + " '"
                            + Statuses.shorten(name) + "'"))
                    : Either.right(name);
        });
    }

    /** The share's snapshot names without {@code current}; empty when the share does not exist. */
    public Either<Failure, Optional<List<String>>> shareSnapshots(String share) {
        String what = "list the snapshots of share " + share;
        return http.send(HsRequest.get("share-snapshots", "snapshot-list").var("share", share).build()).flatMap(r -> {
            if (r.is(404)) {
                return Either.right(Optional.empty());
            }
            if (!r.is(200)) {
                return Either.left(Statuses.failure(what, r));
            }
            return Json.tree(what, r).map(n -> {
                List<String> names = new ArrayList<>();
                n.forEach(x -> {
                    if (!x.asText().equals("current")) {
                        names.add(x.asText());
                    }
                });
                return Optional.of(names);
            });
        });
    }

    /** Deletes a share snapshot; 404 (gone already) is done. */
    public Either<Failure, Done> deleteShareSnapshot(String share, String snapshot) {
        String what = "delete snapshot " + snapshot + " of share " + share;
        return http.send(HsRequest.post("share-snapshots", "snapshot-delete").var("share", share)
                .var("snapshot", snapshot).build())
                .flatMap(r -> r.is(200) || r.is(404) ? Either.right(Done.DONE) : Either.left(Statuses.failure(what, r)));
    }

    // ---- file snapshots ----------------------------------------------------------------------------------------

    /** Snapshots the file at {@code path}; the path of the snapshot the API made. */
    public Either<Failure, String> createFileSnapshot(String path) {
        String what = "snapshot file " + path;
        return http.send(HsRequest.post("file-snapshots", "create").query("filename-expression", path).build())
                .flatMap(r -> {
                    if (r.is(404)) {
                        return Either.left(Failure.notFound("file " + path + " does not exist"));
                    }
                    if (!r.is(200)) {
                        return Either.left(Statuses.failure(what, r));
                    }
                    return Json.tree(what, r).flatMap(n -> n.isArray() && !n.isEmpty() && !n.get(0).asText().isEmpty()
                            ? Either.right(n.get(0).asText())
                            : Either.left(Failure.unavailable("Hammerspace made no snapshot of " + path
                                    + " (it answered an empty list)")));
                });
    }

    /** The file's snapshots (those of a deleted file too). */
    public Either<Failure, List<Model.FileSnapshot>> fileSnapshots(String path) {
        return list("list the snapshots of " + path,
                HsRequest.get("file-snapshots", "list").query("filename-expression", path).build(),
                Model.FileSnapshot::of);
    }

    /** Deletes the file's snapshots taken at {@code time}; none left to delete (404, "No snapshots found") is done. */
    public Either<Failure, Done> deleteFileSnapshot(String path, String time) {
        String what = "delete the snapshot " + time + " of " + path;
        return http.send(HsRequest.post("file-snapshots", "delete").query("filename-expression", path)
                .query("date-time-expression", time).build()).flatMap(r -> {
                    if (r.is(200) || r.is(404) || (r.is(400) && r.text().contains("No snapshots found"))) {
                        return Either.right(Done.DONE);
                    }
                    return Either.left(Statuses.failure(what, r));
                });
    }

    /** Restores a file snapshot into a new file at {@code destination} (synchronous). */
    public Either<Failure, Done> restoreFileSnapshot(String snapshot, String destination) {
        String what = "restore " + snapshot + " to " + destination;
        return http.send(HsRequest.post("file-snapshots").var("snapshot", snapshot)
                .var("destination", destination).build()).flatMap(r -> {
            if (r.is(200)) {
                return Either.right(Done.DONE);
            }
            return Either.left(r.is(404) ? Failure.notFound("snapshot " + snapshot + " does not exist")
                    : Statuses.failure(what, r));
        });
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private Either<Failure, JsonNode> json(String what, HsRequest request) {
        return http.send(request).flatMap(r -> r.is(200) ? Json.tree(what, r) : Either.left(Statuses.failure(what, r)));
    }

    private <T> Either<Failure, List<T>> list(String what, HsRequest request, Function<JsonNode, T> parse) {
        return json(what, request).flatMap(n -> {
            if (!n.isArray()) {
                return Either.left(Failure.defect("Hammerspace answered " + what + " with something other than a list"));
            }
            List<T> out = new ArrayList<>();
            n.forEach(x -> out.add(parse.apply(x)));
            return Either.right(out);
        });
    }

    @Override
    public void close() throws java.io.IOException {
        http.close();
    }
}
