package io.csi4j.adapters.iscsi;

import io.csi4j.hostexec.CommandResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A node for the adapter's own tests: iscsiadm answered as open-iscsi answers (exit statuses and texts captured on
 * a real node), and its logins and logouts reflected in a sysfs and /dev tree under a temporary directory, laid out
 * as the kernel lays them out. One target with CHAP and two LUNs; no udev, no multipath.
 */
final class SimulatedNode {

    static final String IQN = "iqn.2024-01.io.csi4j.test:target1";
    static final String PORTAL = "192.168.77.1:3260";
    static final String SECRET = "chapsecret123";

    final Path sys;
    final Path dev;
    final ScriptedRunner runner;
    final Set<String> records = new LinkedHashSet<>();
    final List<String> deleted = new ArrayList<>();
    private String password = "";
    private boolean loggedIn;

    SimulatedNode(Path dir) {
        sys = dir.resolve("sys");
        dev = dir.resolve("dev");
        try {
            Files.createDirectories(sys.resolve("class/iscsi_session"));
            Files.createDirectories(dev);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runner = new ScriptedRunner(dir.resolve("bin"))
                .on("iscsiadm -m session -r", args -> done(0, "Rescanning session [sid: 1]\n"))
                .on("iscsiadm -m session", args -> loggedIn ? done(0, "tcp: [1] " + PORTAL + ",1 " + IQN + " (non-flash)\n")
                        : done(21, "iscsiadm: No active sessions.\n"))
                .on("iscsiadm -m node", this::node)
                .on("multipathd", args -> done(1, "can't connect to multipathd socket\n"))
                .on("blockdev", args -> done(0, ""));
    }

    OpenIscsiInitiator initiator() {
        IscsiConfig config = new IscsiConfig(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(3), 2);
        return new OpenIscsiInitiator(config, runner.commands(), sys, dev, sys.resolve("no-udev"));
    }

    private CommandResult node(List<String> args) {
        String record = args.get(args.indexOf("-T") + 1) + "@" + args.get(args.indexOf("-p") + 1);
        if (args.contains("new")) {
            records.add(record);
            return done(0, "New iSCSI node [tcp:[hw=,ip=,net_if=,iscsi_if=default] 192.168.77.1,3260,-1 " + IQN + "] added\n");
        }
        if (!records.contains(record)) {
            return done(21, "iscsiadm: No records found\n");
        }
        if (args.contains("update")) {
            int i = args.indexOf("node.session.auth.password");
            password = i < 0 ? "" : args.get(i + 2);
            return done(0, "");
        }
        if (args.contains("delete")) {
            records.remove(record);
            return done(0, "");
        }
        if (args.contains("--login")) {
            if (loggedIn) {
                return done(15, "iscsiadm: default: 1 session requested, but 1 already present.\n");
            }
            if (!password.equals(SECRET) || !record.startsWith(IQN + "@" + PORTAL)) {
                return done(24, "iscsiadm: initiator reported error (24 - iSCSI login failed due to authorization failure)\n");
            }
            login();
            return done(0, "Login to [iface: default, target: " + IQN + ", portal: 192.168.77.1,3260] successful.\n");
        }
        if (args.contains("--logout")) {
            if (!loggedIn) {
                return done(21, "iscsiadm: No matching sessions found\n");
            }
            logout();
            return done(0, "Logout of [sid: 1, target: " + IQN + ", portal: 192.168.77.1,3260] successful.\n");
        }
        return done(0, "# BEGIN RECORD 2.1.8\nnode.name = " + IQN + "\n");
    }

    /** What the kernel shows after a login: the session, its connection, LUN 0 (controller) and two disks. */
    private void login() {
        try {
            Path session = sys.resolve("class/iscsi_session/session1");
            Files.createDirectories(session);
            Files.writeString(session.resolve("targetname"), IQN + "\n");
            Path connection = sys.resolve("class/iscsi_connection/connection1:0");
            Files.createDirectories(connection);
            Files.writeString(connection.resolve("persistent_address"), "192.168.77.1\n");
            Files.writeString(connection.resolve("persistent_port"), "3260\n");
            Files.createDirectories(session.resolve("device/target0:0:0/0:0:0:0"));
            for (String[] lun : new String[][] {{"1", "sda"}, {"2", "sdb"}}) {
                Files.createDirectories(session.resolve("device/target0:0:0/0:0:0:" + lun[0] + "/block/" + lun[1]));
                Files.createDirectories(sys.resolve("block/" + lun[1] + "/device"));
                Files.writeString(sys.resolve("block/" + lun[1] + "/device/delete"), "");
                Files.writeString(dev.resolve(lun[1]), "");
            }
            loggedIn = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void logout() {
        for (Path p : List.of(sys.resolve("class/iscsi_session/session1"), sys.resolve("class/iscsi_connection"),
                sys.resolve("block"))) {
            remove(p);
        }
        for (String disk : List.of("sda", "sdb")) {
            remove(dev.resolve(disk));
        }
        loggedIn = false;
    }

    /** Whether the disk's delete attribute was written (the kernel would remove the disk). */
    boolean deleteWritten(String disk) {
        try {
            return Files.readString(sys.resolve("block/" + disk + "/device/delete")).equals("1");
        } catch (IOException e) {
            return false;
        }
    }

    private static void remove(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CommandResult done(int exit, String text) {
        return exit == 0 ? new CommandResult("", 0, text, "") : new CommandResult("", exit, "", text);
    }
}
