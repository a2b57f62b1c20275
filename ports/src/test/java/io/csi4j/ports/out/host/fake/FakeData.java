package io.csi4j.ports.out.host.fake;

/**
 * The bytes of a fake file or disk: only their size and what a probe would find at the start of them (nothing,
 * a partition table, or a filesystem).
 */
final class FakeData {

    /** What blkid would report: empty for zeros. */
    sealed interface Signature permits PartitionTable, FakeFs {}

    /** A partition table of {@code type} ({@code dos}, {@code gpt}). */
    record PartitionTable(String type) implements Signature {}

    long size;
    Signature signature;
    /** The bytes written at the start (offset 0), for tests that check what a write reached. */
    byte[] head = new byte[0];

    FakeData(long size) {
        this.size = size;
    }

    /** The filesystem on these bytes, if {@link #signature} is one. */
    FakeFs filesystem() {
        return signature instanceof FakeFs fs ? fs : null;
    }
}
