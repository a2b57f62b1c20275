package io.csi4j.adapters.local;

/** What every record kept in a slot has: the name it was created under, its generation and its shape. */
interface SlotRecord {
    String name();

    String generation();

    Shape shape();
}
