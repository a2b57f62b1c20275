package io.csi4j.adapters.local;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.Printable;
import io.csi4j.domain.paging.Page;
import io.csi4j.domain.paging.PageRequest;
import io.vavr.control.Either;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One directory of slots (volumes or snapshots): reading a slot's state, committing a new record, replacing
 * one, removing a slot, and listing slots in name order. Every operation touches one slot by its path, so
 * its cost does not depend on how many slots exist; only listing reads the directory.
 */
final class SlotStore<R extends SlotRecord> {

    private final Path parent;
    private final Function<Map<String, String>, Either<String, R>> decoder;
    private final SlotLocks locks = new SlotLocks();

    SlotStore(Path parent, Function<Map<String, String>, Either<String, R>> decoder) {
        this.parent = parent;
        this.decoder = decoder;
    }

    Slot slot(String name) {
        return new Slot(name, parent.resolve(shardOf(name)).resolve(name));
    }

    /**
     * Slots live in {@value #SHARD_CHARS}-character shards of their name ({@code volumes/ab/abc...}): a directory
     * operation locks its parent directory, and with every slot in one directory concurrent creates and deletes
     * queue on that one lock behind journal commits. Names are uniform (base32 of a hash), so shards are even.
     */
    static String shardOf(String slot) {
        return slot.substring(0, SHARD_CHARS);
    }

    private static final int SHARD_CHARS = 2;

    <T> T locked(String slot, Supplier<T> work) {
        return locks.holding(slot, work);
    }

    SlotState<R> read(Slot slot) throws IOException {
        Optional<byte[]> bytes = readBounded(slot.record());
        if (bytes.isEmpty()) {
            return new SlotState.Empty<>();
        }
        Either<String, R> record = RecordCodec.decode(bytes.get()).flatMap(decoder::apply);
        if (record.isLeft()) {
            return new SlotState.Unreadable<>(record.getLeft());
        }
        return new SlotState.Present<>(record.get(), dataPresent(slot, record.get().shape()));
    }

    /** The object with this handle: a complete record of the same generation; empty otherwise. */
    Optional<SlotState.Present<R>> find(Handle handle) throws IOException {
        if (read(slot(handle.slot())) instanceof SlotState.Present<R> p
                && p.record().generation().equals(handle.generation())) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    static boolean dataPresent(Slot slot, Shape shape) {
        return shape.kind() == Kind.DIRECTORY
                ? Files.isDirectory(slot.data(), LinkOption.NOFOLLOW_LINKS)
                : Files.isRegularFile(slot.data(), LinkOption.NOFOLLOW_LINKS);
    }

    /** Empties the slot for a fresh create: whatever an earlier attempt or a half-done delete left is garbage. */
    void recreate(Slot slot) throws IOException {
        Trees.delete(slot.dir());
        Path shard = slot.dir().getParent();
        if (!Files.isDirectory(shard, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(shard);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another create made it meanwhile
            }
            // The new shard's entry in the parent must be durable before anything under it is.
            Durable.sync(parent);
        }
        Files.createDirectory(slot.dir());
    }

    /**
     * Makes a new object exist: writes and forces its record (the data is already in place), then forces
     * the slot directory and the parent, so the record, the data and the slot are all durable.
     */
    void commit(Slot slot, SequencedMap<String, String> fields) throws IOException {
        Durable.writeNew(slot.record(), RecordCodec.encode(fields));
        Durable.sync(slot.dir());
        Durable.sync(slot.dir().getParent());
    }

    /** Makes an object whose record was already on disk complete again: forces record, slot and parent. */
    void recommit(Slot slot) throws IOException {
        Durable.sync(slot.record());
        Durable.sync(slot.dir());
        Durable.sync(slot.dir().getParent());
        Durable.sync(parent);
    }

    /** Replaces the record of an existing object atomically and durably. */
    void rewrite(Slot slot, SequencedMap<String, String> fields) throws IOException {
        Durable.replace(slot.record(), slot.recordTemporary(), RecordCodec.encode(fields));
        Durable.sync(slot.dir());
    }

    /**
     * Deletes the object with this handle; Done when it is absent. The record goes first, so the object
     * stops existing at once; if the data removal is then cut short the slot is garbage that the next
     * delete or create of the slot removes. A slot holding a newer generation is left alone.
     */
    Either<Failure, Done> delete(Handle handle) {
        Slot slot = slot(handle.slot());
        return locked(handle.slot(), () -> {
            try {
                if (read(slot) instanceof SlotState.Present<R> p && !p.record().generation().equals(handle.generation())) {
                    return Either.right(Done.DONE);
                }
                Files.deleteIfExists(slot.record());
                if (Trees.delete(slot.dir())) {
                    Durable.sync(slot.dir().getParent());
                }
                return Either.right(Done.DONE);
            } catch (IOException e) {
                return Either.left(IoFailures.of("deleting " + slot.dir(), e));
            }
        });
    }

    /**
     * A page of objects in slot order, each produced by {@code view} from a slot's state (empty to skip it).
     * The token is the last slot returned; it stays valid when that slot is deleted meanwhile.
     */
    <T> Either<Failure, Page<T>> list(PageRequest request, BiFunction<Slot, SlotState<R>, Optional<T>> view) {
        String token = request.startingToken();
        if (!token.isEmpty() && !SlotNames.isSlot(token)) {
            return Either.left(new Failure.InvalidToken("starting token '" + Printable.of(token)
                    + "' was not issued by this backend"));
        }
        try {
            List<String> names = new ArrayList<>(slotsAfter(token));
            int limit = request.limitOr(Integer.MAX_VALUE);
            List<T> items = new ArrayList<>();
            int i = 0;
            while (i < names.size() && items.size() < limit) {
                Slot slot = slot(names.get(i++));
                view.apply(slot, read(slot)).ifPresent(items::add);
            }
            String next = i < names.size() ? names.get(i - 1) : "";
            return Either.right(new Page<>(items, next));
        } catch (IOException e) {
            return Either.left(IoFailures.of("listing " + parent, e));
        }
    }

    private TreeSet<String> slotsAfter(String token) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        String fromShard = token.isEmpty() ? "" : shardOf(token);
        for (String shard : entries(parent)) {
            if (shard.length() != SHARD_CHARS || shard.compareTo(fromShard) < 0) {
                continue;
            }
            for (String n : entries(parent.resolve(shard))) {
                if (SlotNames.isSlot(n) && shardOf(n).equals(shard) && n.compareTo(token) > 0) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    private static List<String> entries(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                names.add(p.getFileName().toString());
            }
        } catch (NoSuchFileException e) {
            return names;
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        return names;
    }

    private static Optional<byte[]> readBounded(Path file) throws IOException {
        // Reading one byte more than any record we write lets the codec reject an oversized file.
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(in.readNBytes(RecordCodec.MAX_BYTES + 1));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
