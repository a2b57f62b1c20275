package io.csi4j.simulator.hammerspace;

import java.io.IOException;

/** Maps a request to the handler of its endpoint; anything else is 404 (unknown path) or 405 (wrong method). */
final class Routes {

    private Routes() {}

    static Reply route(Call c, ShareApi shares, FileApi files, SnapshotApi snapshots, ClusterApi cluster, Tasks tasks)
            throws IOException {
        String m = c.method();
        return switch (c.segment(0)) {
            case "cntl" -> c.segment(1).equals("state") && m.equals("GET") ? cluster.state() : notFound(c);
            case "data-portals" -> m.equals("GET") && c.size() <= 2 ? cluster.dataPortals() : notFound(c);
            case "objectives" -> m.equals("GET") && c.size() == 1 ? cluster.objectives() : notFound(c);
            case "base-storage-volumes" -> m.equals("GET") ? cluster.baseStorageVolumes() : notFound(c);
            case "tasks" -> tasks(c, tasks);
            case "shares" -> shares(c, shares);
            case "files" -> m.equals("GET") && c.size() == 1 ? files.get(c) : notFound(c);
            case "share-snapshots" -> shareSnapshots(c, snapshots);
            case "file-snapshots" -> fileSnapshots(c, snapshots);
            default -> notFound(c);
        };
    }

    private static Reply tasks(Call c, Tasks tasks) {
        if (!c.method().equals("GET")) {
            return Reply.error(405, "method not allowed");
        }
        if (c.size() == 1) {
            return Reply.ok(tasks.all());
        }
        return tasks.poll(c.segment(1)).map(Reply::ok).orElseGet(() -> Reply.error(404, "Task not found"));
    }

    private static Reply shares(Call c, ShareApi shares) {
        String m = c.method();
        if (c.size() == 1) {
            return switch (m) {
                case "GET" -> shares.list();
                case "POST" -> shares.create(c);
                default -> Reply.error(405, "method not allowed");
            };
        }
        String name = c.segment(1);
        if (c.size() == 3 && c.segment(2).equals("objective-set") && m.equals("POST")) {
            return shares.objectiveSet(name, c);
        }
        if (c.size() != 2) {
            return notFound(c);
        }
        return switch (m) {
            case "GET" -> shares.get(name);
            case "PUT" -> shares.update(name, c);
            case "DELETE" -> shares.delete(name, c);
            default -> Reply.error(405, "method not allowed");
        };
    }

    private static Reply shareSnapshots(Call c, SnapshotApi s) throws IOException {
        String op = c.segment(1);
        String m = c.method();
        if (op.equals("snapshot-create") && m.equals("POST") && c.size() == 3) {
            return s.createShareSnapshot(c.segment(2), c);
        }
        if (op.equals("snapshot-list") && m.equals("GET") && c.size() == 3) {
            return s.listShareSnapshots(c.segment(2));
        }
        if (op.equals("snapshot-delete") && m.equals("POST") && c.size() == 4) {
            return s.deleteShareSnapshot(c.segment(2), c.segment(3));
        }
        return notFound(c);
    }

    private static Reply fileSnapshots(Call c, SnapshotApi s) throws IOException {
        String m = c.method();
        if (c.size() == 2) {
            return switch (c.segment(1)) {
                case "create" -> m.equals("POST") ? s.createFileSnapshot(c) : notFound(c);
                case "list" -> m.equals("GET") ? s.listFileSnapshots(c) : notFound(c);
                case "delete" -> m.equals("POST") ? s.deleteFileSnapshots(c) : notFound(c);
                default -> notFound(c);
            };
        }
        if (c.size() == 3 && m.equals("POST")) {
            return s.restoreFileSnapshot(c.segment(1), c.segment(2));
        }
        return notFound(c);
    }

    private static Reply notFound(Call c) {
        return Reply.error(404, "No such endpoint: " + c.method() + " " + String.join("/", c.segments()));
    }
}
