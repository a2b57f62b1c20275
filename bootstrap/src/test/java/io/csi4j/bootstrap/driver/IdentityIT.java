package io.csi4j.bootstrap.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.csi4j.csi.v1.ControllerGetCapabilitiesRequest;
import io.csi4j.csi.v1.GetPluginCapabilitiesRequest;
import io.csi4j.csi.v1.GetPluginInfoRequest;
import io.csi4j.csi.v1.GetPluginInfoResponse;
import io.csi4j.csi.v1.NodeGetInfoRequest;
import io.csi4j.csi.v1.PluginCapability;
import io.csi4j.csi.v1.ProbeRequest;
import io.csi4j.csi.v1.ProbeResponse;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Identity service of the built driver over its socket (CSI §2): plugin info, capabilities that describe the
 * deployment rather than the instance, and Probe answers for a ready and for a broken local root.
 */
class IdentityIT {

    /** CSI §2.1: DNS-style, alphanumeric at both ends, at most 63 characters. */
    private static final String DNS_NAME = "[A-Za-z0-9]([A-Za-z0-9.-]{0,61}[A-Za-z0-9])?";

    @TempDir
    static Path dir;

    /** The controller's root: a tmpfs of its own when we may mount one, so it can be made read-only. */
    static Tmpfs fs;
    static LocalDriver controller;

    @BeforeAll
    static void start() throws Exception {
        Path root = dir.resolve("root");
        if (Tmpfs.usable()) {
            fs = Tmpfs.mount(root, "8m");
        }
        controller = LocalDriver.in(dir.resolve("controller")).root(root).start();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            controller.close();
        } finally {
            if (fs != null) {
                fs.close();
            }
        }
    }

    @Test
    void pluginInfoHasADnsStyleNameAndAVersion() {
        GetPluginInfoResponse info = controller.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance());

        assertThat(info.getName()).isEqualTo("csi4j.io").matches(DNS_NAME).hasSizeLessThanOrEqualTo(63);
        assertThat(info.getVendorVersion()).isNotBlank().hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void theDriverNameFlagNamesThePlugin() throws Exception {
        String name = "local.storage.example-vendor.com";
        try (LocalDriver named = LocalDriver.in(dir.resolve("named")).driverName(name).start()) {
            GetPluginInfoResponse info = named.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance());

            assertThat(info.getName()).isEqualTo(name).matches(DNS_NAME);
            assertThat(info.getVendorVersion()).isEqualTo(controller.identity()
                    .getPluginInfo(GetPluginInfoRequest.getDefaultInstance()).getVendorVersion());
        }
    }

    @Test
    void aNodeInstanceOfTheSameDeploymentReportsTheSamePluginCapabilities() throws Exception {
        try (LocalDriver node = LocalDriver.in(dir.resolve("node")).root(controller.root()).mode("node").start()) {
            Set<String> fromController = pluginCapabilities(controller);
            Set<String> fromNode = pluginCapabilities(node);

            // CSI §2.2: a node-only instance still reports CONTROLLER_SERVICE; the answer follows the configuration.
            assertThat(fromNode).isEqualTo(fromController);
            assertThat(fromController).contains("service:CONTROLLER_SERVICE",
                    "service:VOLUME_ACCESSIBILITY_CONSTRAINTS", "volume_expansion:ONLINE");
            assertThat(node.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance()))
                    .isEqualTo(controller.identity().getPluginInfo(GetPluginInfoRequest.getDefaultInstance()));
            // CSI §1.1: a service the instance does not serve in its mode answers UNIMPLEMENTED.
            Rpc.fails(Status.Code.UNIMPLEMENTED, () -> node.controller()
                    .controllerGetCapabilities(ControllerGetCapabilitiesRequest.getDefaultInstance()));
        }
    }

    @Test
    void aControllerInstanceDoesNotServeTheNodeService() {
        Rpc.fails(Status.Code.UNIMPLEMENTED,
                () -> controller.client().node().nodeGetInfo(NodeGetInfoRequest.getDefaultInstance()));
    }

    @Test
    void probeOfAReadyDriverSaysReady() {
        ProbeResponse probe = controller.identity().probe(ProbeRequest.getDefaultInstance());

        assertThat(probe.hasReady()).isTrue();
        assertThat(probe.getReady().getValue()).isTrue();
    }

    @Test
    void probeWhileTheVolumesDirectoryIsGoneIsFailedPreconditionUntilItIsBack() throws Exception {
        Path volumes = controller.root().resolve("volumes");
        Path aside = controller.root().resolve("volumes.aside");
        Files.move(volumes, aside);
        try {
            Rpc.fails(Status.Code.FAILED_PRECONDITION,
                    () -> controller.identity().probe(ProbeRequest.getDefaultInstance()), "missing");
        } finally {
            Files.move(aside, volumes);
        }
        assertThat(controller.identity().probe(ProbeRequest.getDefaultInstance()).getReady().getValue()).isTrue();
    }

    @Test
    void probeWhileTheRootFileSystemIsReadOnlyIsFailedPreconditionUntilItIsWritable() throws Exception {
        assumeTrue(fs != null, "mounting a tmpfs needs root");
        // A file system remounted read-only after I/O errors: the plugin cannot work and says so (CSI §2.3).
        fs.readOnly(true);
        try {
            Rpc.fails(Status.Code.FAILED_PRECONDITION,
                    () -> controller.identity().probe(ProbeRequest.getDefaultInstance()), "not writable");
        } finally {
            fs.readOnly(false);
        }
        assertThat(controller.identity().probe(ProbeRequest.getDefaultInstance()).getReady().getValue()).isTrue();
    }

    private static Set<String> pluginCapabilities(LocalDriver driver) {
        return driver.identity().getPluginCapabilities(GetPluginCapabilitiesRequest.getDefaultInstance())
                .getCapabilitiesList().stream().map(IdentityIT::describe).collect(Collectors.toSet());
    }

    private static String describe(PluginCapability c) {
        return switch (c.getTypeCase()) {
            case SERVICE -> "service:" + c.getService().getType();
            case VOLUME_EXPANSION -> "volume_expansion:" + c.getVolumeExpansion().getType();
            case TYPE_NOT_SET -> "unset";
        };
    }
}
