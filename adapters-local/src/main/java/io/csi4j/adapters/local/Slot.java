package io.csi4j.adapters.local;

import java.nio.file.Path;

/**
 * The directory that holds one volume or snapshot, named after the slot of its name, and the files in it:
 * {@code record} (the durable facts), {@code data} (the directory or image the CO uses), {@code data.part}
 * (content being copied in, renamed to {@code data} once complete) and {@code record.tmp} (a replacement
 * record being written, renamed over {@code record}).
 */
record Slot(String name, Path dir) {

    Path record() {
        return dir.resolve("record");
    }

    Path recordTemporary() {
        return dir.resolve("record.tmp");
    }

    Path data() {
        return dir.resolve("data");
    }

    Path part() {
        return dir.resolve("data.part");
    }
}
