package io.csi4j.testnode;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The storage servers of the test node, on the host in their own network namespace (scripts/srv-up.sh): one NFS
 * export (v3 and v4.x at the same path), one SMB share, and tgtd, whose targets and LUNs the tests make here.
 */
final class Servers {

    static final String ADDRESS = Network.SERVERS;
    /** A second address of the same servers, for a second iSCSI path (multipath). */
    static final String SECOND_ADDRESS = Network.SERVERS_SECOND;
    static final String CHAP_USER = "chapuser";
    static final String CHAP_SECRET = "chapsecret123";
    static final String SMB_USER = "root";
    static final String SMB_PASSWORD = "smbpass123";
    static final String IQN_PREFIX = "iqn.2024-01.io.csi4j.test:";

    private final HostShell shell;
    private final Path scripts;
    private final Path srv;

    Servers(HostShell shell, Path scripts, Path workdir) {
        this.shell = shell;
        this.scripts = scripts;
        this.srv = workdir.resolve("srv");
    }

    void up() {
        // A run that died before its teardown leaves the namespace behind: clear it first.
        shell.run(scripts.resolve("srv-down.sh").toString());
        shell.run(scripts.resolve("srv-up.sh").toString());
        shell.run("ip", "netns", "exec", shell.environment().get("NS"), "ip", "addr", "add", SECOND_ADDRESS + "/24",
                "dev", "br0");
    }

    void down() {
        shell.run(scripts.resolve("srv-down.sh").toString());
    }

    /** The server-side directory of the NFS export; its path is also the export's path for v3 and v4. */
    Path nfsExport() {
        return srv.resolve("nfsexport");
    }

    /** The IntelliFlash simulator's data directory; its pool {@code pool-a} is exported at {@code /export}. */
    Path intelliflashData() {
        return srv.resolve("intelliflash");
    }

    Path smbShare() {
        return srv.resolve("smbshare");
    }

    /**
     * Serves an array's SMB share {@code name} (a directory of the simulator) with samba, for the test user: the
     * share goes into the file smb.conf includes, and smbd reloads its configuration.
     */
    void smbArrayShare(String name, Path path) {
        try {
            Files.writeString(srv.resolve("smb-arrays.conf"), "[" + name + "]\n  path = " + path
                    + "\n  read only = no\n  valid users = " + SMB_USER + "\n", java.nio.file.StandardOpenOption.APPEND);
            String smbd = Files.readAllLines(srv.resolve("pids")).stream().filter(l -> l.startsWith("smbd "))
                    .map(l -> l.substring(5).strip()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("smbd is not running"));
            shell.run("nsenter", "--target", smbd, "--mount", "--net", "smbcontrol", "-s",
                    srv.resolve("smb.conf").toString(), "smbd", "reload-config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A target {@code tid} named {@code name}, open to every initiator, with CHAP when asked. */
    String target(int tid, String name, boolean chap) {
        String iqn = IQN_PREFIX + name;
        tgt("--op", "new", "--mode", "target", "--tid", Integer.toString(tid), "-T", iqn);
        tgt("--op", "bind", "--mode", "target", "--tid", Integer.toString(tid), "-I", "ALL");
        if (chap) {
            tgt("--op", "bind", "--mode", "account", "--tid", Integer.toString(tid), "--user", CHAP_USER);
        }
        return iqn;
    }

    /** LUN {@code lun} of target {@code tid}: a sparse file of {@code bytes}. */
    void lun(int tid, int lun, long bytes) {
        Path file = lunFile(tid, lun);
        resize(file, bytes);
        lun(tid, lun, file);
    }

    /** LUN {@code lun} of target {@code tid} on an existing file (an array simulator's volume). */
    void lun(int tid, int lun, Path file) {
        tgt("--op", "new", "--mode", "logicalunit", "--tid", Integer.toString(tid), "--lun", Integer.toString(lun),
                "-b", file.toString());
    }

    /**
     * A target {@code tid} with an array's own name {@code iqn}, open only to {@code initiators} (as the array's
     * host group is), without CHAP.
     */
    void arrayTarget(int tid, String iqn, java.util.List<String> initiators) {
        tgt("--op", "new", "--mode", "target", "--tid", Integer.toString(tid), "-T", iqn);
        for (String initiator : initiators) {
            tgt("--op", "bind", "--mode", "target", "--tid", Integer.toString(tid), "-Q", initiator);
        }
    }

    /** Removes a target with its LUNs (retried while tgtd still has commands of it queued). */
    void deleteTarget(int tid) {
        retryWhileActive(() -> tgt("--op", "delete", "--force", "--mode", "target", "--tid", Integer.toString(tid)));
    }

    /**
     * Grows a LUN as an array would: the file grows, and tgtd, which reads the size only when a LUN is made, gets
     * the LUN made again on the same file (logged-in initiators see it after a rescan).
     */
    void growLun(int tid, int lun, long bytes) {
        resize(lunFile(tid, lun), bytes);
        remakeLun(tid, lun, lunFile(tid, lun));
    }

    /** Makes a LUN again on its file, which someone else (an array simulator) grew: tgtd then reads the new size. */
    void remakeLun(int tid, int lun, Path file) {
        retryWhileActive(() -> tgt("--op", "delete", "--mode", "logicalunit", "--tid", Integer.toString(tid), "--lun",
                Integer.toString(lun)));
        lun(tid, lun, file);
    }

    /** tgtd refuses while commands of the LUN are queued ("still active"): a moment later it takes it. */
    private static void retryWhileActive(Runnable call) {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (IllegalStateException e) {
                if (attempt == 40 || !e.getMessage().contains("still active")) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Path lunFile(int tid, int lun) {
        return srv.resolve("luns").resolve("t" + tid + "l" + lun + ".img");
    }

    private void tgt(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = scripts.resolve("tgt.sh").toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        shell.run(argv);
    }

    private static void resize(Path file, long bytes) {
        try {
            Files.createDirectories(file.getParent());
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
                f.setLength(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
