package io.csi4j.ports.out.host.fake;

import java.nio.file.Path;

/**
 * A fake block device: a loop device over an image file's data, or a plain disk with its own. Like the
 * kernel's, a loop device keeps the size it had when attached until its capacity is refreshed.
 */
final class FakeDisk {

    final Path node;
    final String majorMinor;
    final FakeData data;
    final Path backingFile;
    long size;
    boolean autoclear;
    /** Attached read-only: the kernel refuses writes through the device. */
    boolean readOnly;
    /** For a loop device backed by another block device (a read-only view): that device, which it holds open. */
    FakeDisk lower;

    FakeDisk(Path node, String majorMinor, FakeData data, Path backingFile) {
        this.node = node;
        this.majorMinor = majorMinor;
        this.data = data;
        this.backingFile = backingFile;
        this.size = data.size;
    }
}
