package io.csi4j.simulator.hammerspace;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code /shares}: create (202 + task), read, list, update (PUT of the whole document, 202), delete (202; REMOVED
 * until the delete delay passes) and objective-set, with the Anvil's rules: unique names of at most 80 characters,
 * 400 for a name taken or being created, {@code Cannot remove a share with state REMOVED.}, 404 for unknown names.
 */
final class ShareApi {

    private final Shares shares;
    private final Tasks tasks;
    private final Namespace namespace;
    private final Set<String> objectives;
    private final Duration defaultDeleteDelay;
    private final Duration publishDelay;
    private final Function<String, String> taskLocation;

    ShareApi(Shares shares, Tasks tasks, Namespace namespace, Set<String> objectives, Duration defaultDeleteDelay,
            Duration publishDelay, Function<String, String> taskLocation) {
        this.shares = shares;
        this.tasks = tasks;
        this.namespace = namespace;
        this.objectives = objectives;
        this.defaultDeleteDelay = defaultDeleteDelay;
        this.publishDelay = publishDelay;
        this.taskLocation = taskLocation;
    }

    Reply list() {
        return Reply.ok(shares.all().stream().map(shares::render).toList());
    }

    Reply get(String name) {
        return shares.get(name).map(s -> Reply.ok(shares.render(s)))
                .orElseGet(() -> Reply.error(404, "Share " + name + " not found"));
    }

    Reply create(Call call) {
        Optional<JsonNode> body = Json.parse(call.body());
        if (body.isEmpty() || !body.get().isObject()) {
            return Reply.error(400, "The request body is not a JSON object");
        }
        JsonNode b = body.get();
        String name = text(b, "name");
        Optional<String> bad = badName(name);
        if (bad.isPresent()) {
            return Reply.error(400, bad.get());
        }
        String path = text(b, "path");
        if (path != null && !path.isEmpty() && !path.equals("/" + name)) {
            return Reply.error(400, "Share path " + path + " is not /" + name + " (nested paths are not simulated)");
        }
        Settings settings = settings(b, true);
        if (settings.error != null) {
            return Reply.error(400, settings.error);
        }
        List<String> wanted = new ArrayList<>();
        for (JsonNode o : b.path("shareObjectives")) {
            String on = o.path("objective").path("name").asText("");
            if (!objectives.contains(on)) {
                return Reply.error(400, "Objective '" + on + "' does not exist");
            }
            wanted.add(on);
        }
        Share share;
        synchronized (shares) {
            Optional<Share> existing = shares.get(name);
            if (existing.isPresent()) {
                return Reply.error(400, tasks.running("share-create", name)
                        ? "Task 'share-create' is already running for share " + name
                        : "Share with name " + name + " already exists");
            }
            share = shares.add(name);
            settings.applyTo(share);
        }
        String uuid = tasks.submit("share-create", name, new Tasks.Outcome() {
            @Override
            public void complete() {
                try {
                    Files.createDirectories(namespace.share(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                synchronized (shares) {
                    share.objectives.addAll(wanted);
                    share.state = Share.MOUNTED;
                    share.publishAt = shares.now() + publishDelay.toMillis();
                }
            }

            @Override
            public void fail() {
                shares.remove(name);
            }
        });
        return Reply.accepted(taskLocation.apply(uuid));
    }

    Reply update(String name, Call call) {
        Optional<Share> share = shares.get(name);
        if (share.isEmpty()) {
            return Reply.error(404, "Share " + name + " not found");
        }
        Optional<JsonNode> body = Json.parse(call.body());
        if (body.isEmpty() || !body.get().isObject()) {
            return Reply.error(400, "The request body is not a JSON object");
        }
        synchronized (shares) {
            if (share.get().state.equals(Share.REMOVED)) {
                return Reply.error(400, "Cannot update a share with state REMOVED.");
            }
        }
        Settings settings = settings(body.get(), false);
        if (settings.error != null) {
            return Reply.error(400, settings.error);
        }
        String uuid = tasks.submit("share-update", name, new Tasks.Outcome() {
            @Override
            public void complete() {
                synchronized (shares) {
                    settings.applyTo(share.get());
                    share.get().modified = shares.now();
                }
            }

            @Override
            public void fail() {
                // nothing was changed
            }
        });
        return Reply.accepted(taskLocation.apply(uuid));
    }

    Reply delete(String name, Call call) {
        Optional<Share> share = shares.get(name);
        if (share.isEmpty()) {
            return Reply.error(404, "Share " + name + " not found");
        }
        Duration delay = defaultDeleteDelay;
        Optional<String> d = call.param("delete-delay");
        if (d.isPresent()) {
            try {
                long seconds = Long.parseLong(d.get().trim());
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                delay = Duration.ofSeconds(seconds);
            } catch (NumberFormatException e) {
                return Reply.error(400, "delete-delay '" + d.get() + "' is not a number of seconds");
            }
        }
        boolean deletePath = call.param("delete-path").map(Boolean::parseBoolean).orElse(false);
        synchronized (shares) {
            Share s = share.get();
            if (s.state.equals(Share.REMOVED)) {
                return Reply.text(400, "Cannot remove a share with state REMOVED.");
            }
            if (s.deleting) {
                return Reply.text(400, "Task 'share-delete' is already running for share " + name
                        + " with a status of VALIDATED/EXECUTING");
            }
            s.deleting = true;
        }
        Duration keep = delay;
        String uuid = tasks.submit("share-delete", name, new Tasks.Outcome() {
            @Override
            public void complete() {
                if (deletePath) {
                    try {
                        Namespace.delete(namespace.share(name));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                synchronized (shares) {
                    Share s = share.get();
                    s.state = Share.REMOVED;
                    s.deleting = false;
                    s.pruneAt = shares.now() + keep.toMillis();
                }
            }

            @Override
            public void fail() {
                synchronized (shares) {
                    share.get().deleting = false;
                }
            }
        });
        return Reply.accepted(taskLocation.apply(uuid));
    }

    Reply objectiveSet(String name, Call call) {
        Optional<Share> share = shares.get(name);
        if (share.isEmpty()) {
            return Reply.error(404, "Share " + name + " not found");
        }
        String objective = call.param("objective-identifier").orElse("");
        if (!objectives.contains(objective)) {
            return Reply.error(400, "Objective '" + objective + "' does not exist");
        }
        String path = call.param("path").orElse("/");
        if (!path.equals("/")) {
            String relative = path.startsWith("/") ? path.substring(1) : path;
            Optional<java.nio.file.Path> local = namespace.local("/" + name + "/" + relative);
            if (local.isEmpty() || !Files.exists(local.get())) {
                return Reply.error(404, "Path " + path + " not found in share " + name);
            }
            return Reply.empty(200);
        }
        synchronized (shares) {
            if (call.param("clear-existing").map(Boolean::parseBoolean).orElse(false)) {
                share.get().objectives.clear();
            }
            share.get().objectives.add(objective);
        }
        return Reply.empty(200);
    }

    /** A name the Anvil refuses: empty, longer than 80 characters, or not usable as one path segment. */
    static Optional<String> badName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("Share name is required");
        }
        if (name.length() > Shares.MAX_NAME) {
            return Optional.of("Share name is longer than " + Shares.MAX_NAME + " characters: " + name);
        }
        if (name.contains("/") || name.startsWith(".") || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("Share name " + name + " contains characters a share name cannot have");
        }
        return Optional.empty();
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    /** The settable fields of a create or update body, validated; applied when the task completes. */
    private static Settings settings(JsonNode b, boolean create) {
        Settings e = new Settings();
        if (b.has("comment") && !b.get("comment").isNull()) {
            String c = b.get("comment").asText();
            if (c.length() > 255) {
                return e.error("Comment is longer than 255 characters");
            }
            e.comment = Optional.of(c);
        }
        if (b.has("extendedInfo") && !b.get("extendedInfo").isNull()) {
            if (!b.get("extendedInfo").isObject()) {
                return e.error("extendedInfo must be an object of strings");
            }
            Map<String, String> info = new LinkedHashMap<>();
            b.get("extendedInfo").properties().forEach(f -> info.put(f.getKey(), f.getValue().asText()));
            e.extendedInfo = Optional.of(info);
        }
        if (b.has("shareSizeLimit")) {
            JsonNode l = b.get("shareSizeLimit");
            if (l.isNull()) {
                e.sizeLimit = Optional.of(Optional.empty());
            } else if (!l.isIntegralNumber() || l.asLong() < 0) {
                return e.error("shareSizeLimit must be a number of bytes");
            } else {
                e.sizeLimit = Optional.of(l.asLong() == 0 ? Optional.empty() : Optional.of(l.asLong()));
            }
        }
        if (b.has("exportOptions") && !b.get("exportOptions").isNull()) {
            List<Share.ExportOption> opts = new ArrayList<>();
            long id = 1;
            for (JsonNode o : b.get("exportOptions")) {
                String subnet = o.path("subnet").asText("");
                String access = o.path("accessPermissions").asText("");
                JsonNode squash = o.get("rootSquash");
                if (subnet.isEmpty() || !(access.equals("RO") || access.equals("RW")) || squash == null
                        || !squash.isBoolean()) {
                    return e.error("Export option " + o + " needs subnet, accessPermissions RO or RW, and rootSquash");
                }
                opts.add(new Share.ExportOption(id++, subnet, access, squash.asBoolean()));
            }
            e.exportOptions = Optional.of(opts);
        }
        if (create && e.comment.isEmpty()) {
            e.comment = Optional.of("");
        }
        return e;
    }

    /** Parsed settings or the reason they are refused. */
    private static final class Settings {
        String error;
        Optional<String> comment = Optional.empty();
        Optional<Map<String, String>> extendedInfo = Optional.empty();
        Optional<Optional<Long>> sizeLimit = Optional.empty();
        Optional<List<Share.ExportOption>> exportOptions = Optional.empty();

        Settings error(String message) {
            this.error = message;
            return this;
        }

        void applyTo(Share s) {
            comment.ifPresent(c -> s.comment = c);
            extendedInfo.ifPresent(i -> s.extendedInfo = new LinkedHashMap<>(i));
            sizeLimit.ifPresent(l -> s.sizeLimit = l.orElse(null));
            exportOptions.ifPresent(o -> s.exportOptions = new ArrayList<>(o));
        }
    }
}
