package io.csi4j.ports.out.host.fake;

import java.nio.file.Path;

/** An entry in a fake filesystem. */
sealed interface FakeNode {

    /** A directory; its children are the entries whose path starts with its own. */
    record Dir() implements FakeNode {}

    /** A regular file and its bytes (an image file's data may hold a partition table or a filesystem). */
    record File(FakeData data) implements FakeNode {}

    /** A symbolic link to {@code target} (absolute, or relative to the link's directory). */
    record Link(Path target) implements FakeNode {}

    /** A stage record file ({@code .csi4j-stage}) and what it says. */
    record Record(java.util.Map<String, String> values) implements FakeNode {}

    /** A block device node. */
    record Device(FakeDisk disk) implements FakeNode {}
}
