package io.csi4j.testnode;

import io.csi4j.simulator.hammerspace.HammerspaceSimulator;
import io.csi4j.simulator.hammerspace.SimulatorConfig;
import io.csi4j.simulator.intelliflash.IntelliFlashSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The array simulators the end-to-end scenarios provision on, started with the servers and before the guest's
 * plugin (whose Hammerspace backend reads the data portals at start). They listen on the host's address of the
 * private network, so both the controller on the host and the node plugin in the guest reach them; their data
 * lives inside the NFS export, so what the controller makes is what the guest mounts.
 */
final class Arrays implements AutoCloseable {

    /** The Anvil's namespace: share {@code /<name>} is {@code <export>/anvil/<name>}, mounted as such by the guest. */
    final HammerspaceSimulator anvil;
    /**
     * The IntelliFlash array: its shares are directories under {@code <srv>/intelliflash/pool-a/Local}, which ganesha
     * exports (NFSv4) at the array's own export paths {@code /export/<project>/<share>}.
     */
    final IntelliFlashSimulator intelliflash;

    /** The configuration name of the IntelliFlash array in volume ids ({@code <name>:<project>:<share>}). */
    static final String INTELLIFLASH_FILE_CONFIG = "iffile";
    static final String INTELLIFLASH_FILE_PROJECT = "csi-file";
    /** The same array seen by the block flavour (its own configuration name, so each flavour owns its ids). */
    static final String INTELLIFLASH_BLOCK_CONFIG = "ifblock";
    static final String INTELLIFLASH_BLOCK_PROJECT = "csi-block";

    private Arrays(HammerspaceSimulator anvil, IntelliFlashSimulator intelliflash) {
        this.anvil = anvil;
        this.intelliflash = intelliflash;
    }

    static Arrays start(Servers servers) throws IOException {
        Path root = Files.createDirectories(servers.nfsExport().resolve("anvil"));
        // One data portal: the NFS server of the test node. Deleted shares go at once (no delete delay to wait out).
        HammerspaceSimulator anvil = HammerspaceSimulator.start(SimulatorConfig.defaults(root)
                .withListen(Network.HOST, 0)
                .withPortals(List.of(new SimulatorConfig.DataPortal("dsx-1", Servers.ADDRESS, "NFS_V3", true)), List.of())
                .withTimes(Duration.ofHours(4), Duration.ZERO, Duration.ZERO));
        try {
            IntelliFlashSimulator intelliflash = IntelliFlashSimulator.start(
                    io.csi4j.simulator.intelliflash.SimulatorConfig.defaults(servers.intelliflashData())
                            .withDataIp(Servers.ADDRESS).withProjects(List.of("pool-a/" + INTELLIFLASH_FILE_PROJECT,
                                    "pool-a/" + INTELLIFLASH_BLOCK_PROJECT))
                            // tgtd, which serves the array's LUNs, keeps LUN 0 of every target for itself.
                            .withFirstLun(1));
            return new Arrays(anvil, intelliflash);
        } catch (IOException | RuntimeException e) {
            anvil.close();
            throw e;
        }
    }

    /** The path before {@code /<share>} in the exports the guest mounts: ganesha's pseudo path is the real path. */
    String anvilMountPrefix() {
        return anvil.root().toString();
    }

    /**
     * The guest plugin's backends for these arrays (YAML, indented under {@code backends:}); {@code caFile} is the
     * Anvil's CA written into the node's folder as {@code anvilCaInGuest}.
     */
    String guestBackends(String anvilCaInGuest, String intelliflashCaInGuest) {
        return """
                  anvil:
                    type: hammerspace
                    endpoint: %s
                    username: %s
                    password: %s
                    caFile: %s
                    dataPortalMountPrefix: %s
                """.formatted(anvil.endpoint(), anvil.config().username(), anvil.config().password(), anvilCaInGuest,
                anvilMountPrefix())
                + """
                  ifile:
                    type: intelliflash-file
                    caFile: %s
                    arrays:
                """.formatted(intelliflashCaInGuest) + intelliflashFileArray("      ")
                + """
                  iblock:
                    type: intelliflash-block
                    caFile: %s
                    arrays:
                """.formatted(intelliflashCaInGuest) + intelliflashBlockArray("      ");
    }

    /** The array's entry for the block flavour: LUNs in its block project, inheriting the project's iSCSI view. */
    String intelliflashBlockArray(String indent) {
        return """
                %s:
                  restIp: %s
                  username: %s
                  password: %s
                  defaultProject: %s
                  defaultDataIp: %s
                  defaultISCSIPort: 3260
                """.formatted(INTELLIFLASH_BLOCK_CONFIG, intelliflash.restIp(), intelliflash.config().username(),
                intelliflash.config().password(), INTELLIFLASH_BLOCK_PROJECT, Servers.ADDRESS)
                .lines().map(l -> indent + l + "\n").reduce("", String::concat);
    }

    /** The IntelliFlash array's entry of an {@code arrays:} map (nodes need it to own its ids, never call it). */
    String intelliflashFileArray(String indent) {
        return """
                %s:
                  restIp: %s
                  username: %s
                  password: %s
                  defaultProject: %s
                  defaultDataIp: %s
                """.formatted(INTELLIFLASH_FILE_CONFIG, intelliflash.restIp(), intelliflash.config().username(),
                intelliflash.config().password(), INTELLIFLASH_FILE_PROJECT, Servers.ADDRESS)
                .lines().map(l -> indent + l + "\n").reduce("", String::concat);
    }

    @Override
    public void close() {
        intelliflash.close();
        anvil.close();
    }
}
