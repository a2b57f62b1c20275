package io.csi4j.adapters.local;

/** What a slot holds right now, read from disk. */
sealed interface SlotState<R extends SlotRecord> {

    /** No slot directory, or one without a record: nothing exists (leftovers are garbage). */
    record Empty<R extends SlotRecord>() implements SlotState<R> {}

    /** A record that is torn or malformed: a create that a crash cut short. */
    record Unreadable<R extends SlotRecord>(String reason) implements SlotState<R> {}

    /** A complete record; {@code dataPresent} tells whether its data exists with the right type. */
    record Present<R extends SlotRecord>(R record, boolean dataPresent) implements SlotState<R> {}
}
