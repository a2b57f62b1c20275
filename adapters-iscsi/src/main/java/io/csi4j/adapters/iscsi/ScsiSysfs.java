package io.csi4j.adapters.iscsi;

import io.csi4j.domain.failure.Done;
import io.csi4j.domain.failure.Failure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import io.vavr.control.Either;

/**
 * The kernel's view of iSCSI sessions and their disks, from sysfs: {@code class/iscsi_session/sessionN/targetname},
 * the connection's persistent address and port, the SCSI devices {@code H:C:T:L} under the session, and their
 * block devices. Also a disk's device-mapper holder and the removal of a disk. No command is run.
 */
final class ScsiSysfs {

    /** A session as the kernel has it: the LUNs it scanned, and the disk each LUN that is a disk got. */
    record KernelSession(int id, String targetIqn, String portal, Set<Integer> luns, Map<Integer, String> disks) {}

    private static final Pattern SESSION = Pattern.compile("session(\\d+)");
    private static final Pattern HCTL = Pattern.compile("\\d+:\\d+:\\d+:(\\d+)");

    private final Path sys;

    ScsiSysfs(Path sys) {
        this.sys = sys;
    }

    Either<Failure, List<KernelSession>> sessions() {
        Path dir = sys.resolve("class/iscsi_session");
        if (!Files.isDirectory(dir)) {
            return Either.right(List.of());
        }
        List<KernelSession> sessions = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path session : entries.sorted().toList()) {
                Matcher m = SESSION.matcher(session.getFileName().toString());
                if (m.matches()) {
                    session(Integer.parseInt(m.group(1)), session).ifPresent(sessions::add);
                }
            }
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot read the iSCSI sessions in " + dir + ": " + e.getMessage()));
        }
        return Either.right(sessions);
    }

    /** A session that goes away while it is read is left out. */
    private Optional<KernelSession> session(int id, Path dir) throws IOException {
        Optional<String> target = read(dir.resolve("targetname"));
        Path connection = sys.resolve("class/iscsi_connection/connection" + id + ":0");
        Optional<String> address = read(connection.resolve("persistent_address"));
        Optional<String> port = read(connection.resolve("persistent_port"));
        if (target.isEmpty() || address.isEmpty() || port.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> luns = new TreeSet<>();
        Map<Integer, String> disks = new TreeMap<>();
        for (Path scsiTarget : children(dir.resolve("device"), "target")) {
            for (Path device : children(scsiTarget, "")) {
                Matcher hctl = HCTL.matcher(device.getFileName().toString());
                if (hctl.matches()) {
                    int lun = Integer.parseInt(hctl.group(1));
                    luns.add(lun);
                    children(device.resolve("block"), "").stream().findFirst()
                            .ifPresent(block -> disks.put(lun, block.getFileName().toString()));
                }
            }
        }
        return Optional.of(new KernelSession(id, target.get(), PortalFormat.of(address.get(),
                Integer.parseInt(port.get())), luns, disks));
    }

    /** The multipath map that holds {@code disk} ({@code sda}), by its name; empty when none does. */
    Optional<String> multipathHolder(String disk) {
        for (Path holder : children(sys.resolve("block").resolve(disk).resolve("holders"), "dm-")) {
            Path dm = sys.resolve("block").resolve(holder.getFileName()).resolve("dm");
            Optional<String> uuid = read(dm.resolve("uuid"));
            if (uuid.isPresent() && uuid.get().startsWith("mpath-")) {
                return read(dm.resolve("name"));
            }
        }
        return Optional.empty();
    }

    /** The size of a disk or map ({@code sda}, {@code dm-0}) in bytes, as the kernel has it now. */
    Optional<Long> size(String disk) {
        return read(sys.resolve("block").resolve(disk).resolve("size")).map(s -> Long.parseLong(s) * 512);
    }

    /** The kernel name ({@code dm-0}) of the multipath map that holds {@code disk}. */
    Optional<String> holderDevice(String disk) {
        for (Path holder : children(sys.resolve("block").resolve(disk).resolve("holders"), "dm-")) {
            Optional<String> uuid = read(sys.resolve("block").resolve(holder.getFileName()).resolve("dm/uuid"));
            if (uuid.isPresent() && uuid.get().startsWith("mpath-")) {
                return Optional.of(holder.getFileName().toString());
            }
        }
        return Optional.empty();
    }

    /** Removes the SCSI disk from the kernel (what a logout does to all of a session's disks); gone is Done. */
    Either<Failure, Done> delete(String disk) {
        Path delete = sys.resolve("block").resolve(disk).resolve("device/delete");
        try {
            Files.writeString(delete, "1", StandardCharsets.US_ASCII);
            return Either.right(Done.DONE);
        } catch (NoSuchFileException e) {
            return Either.right(Done.DONE);
        } catch (IOException e) {
            return Either.left(Failure.unavailable("cannot remove the disk " + disk + ": " + e.getMessage()));
        }
    }

    private static List<Path> children(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.US_ASCII).strip()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
