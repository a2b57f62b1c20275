package io.csi4j.simulator.intelliflash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The array's rules as the simulator reproduces them, over the wire. */
class SimulatorRulesTest {

    static final String PROJECT = "pool-a/Local/csi-file";
    static final String BLOCK = "pool-a/Local/csi-block";

    @TempDir
    Path dir;

    IntelliFlashSimulator sim;
    ArrayCalls array;

    @BeforeEach
    void start() throws Exception {
        sim = IntelliFlashSimulator.start(SimulatorConfig.defaults(dir.resolve("data")));
        array = new ArrayCalls(sim, "admin", "secret");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    void share(String name, long quota) throws Exception {
        array.ok("createShare", "pool-a", "csi-file", name, Map.of("quota", quota, "reservation", -1, "mountPoint", ""),
                List.of());
    }

    Map<String, Object> volume(String name, Object size, Object thin) {
        return Map.of("name", name, "poolName", "pool-a", "projectName", "csi-block", "volSize", size,
                "blockSize", "32KB", "thinProvision", thin, "protocol", "iSCSI", "local", true);
    }

    @Test
    void everyCallNeedsBasicCredentials() throws Exception {
        ArrayCalls wrong = new ArrayCalls(sim, "admin", "nope");

        var a = wrong.call("listPools");

        assertThat(a.status()).isEqualTo(401);
        assertThat(a.code()).isEqualTo("EZEBI_PERMISSION_DENIED");
    }

    @Test
    void parameterlessListsAnswerGetAndPostWithOrWithoutABody() throws Exception {
        assertThat(array.raw("listPools", "GET", "").json().get(0).path("name").asText()).isEqualTo("pool-a");
        assertThat(array.raw("listPools", "POST", "[]").status()).isEqualTo(200);
        assertThat(array.raw("listPools", "POST", "").status()).isEqualTo(200);
    }

    @Test
    void argumentsComeAsAPositionalListOrAsArgNObjectsWithStringsCoerced() throws Exception {
        var a = array.raw("createShare", "POST", "{\"arg1_ProjectName\":\"csi-file\",\"arg0_PoolName\":\"pool-a\","
                + "\"arg2_ShareName\":\"obj\",\"arg3_Options\":{\"quota\":\"1048576\",\"reservation\":\"-1\"}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).isEqualTo("0");
        JsonNode s = array.ok("getShare", PROJECT + "/obj");
        assertThat(s.path("quotaInByte").asLong()).isEqualTo(1048576);
        assertThat(s.path("availableSize").isTextual()).as("getShare sizes are strings").isTrue();
        assertThat(array.ok("listShares", "pool-a", "csi-file", "true").get(0).path("totalSize").isNumber())
                .as("listShares sizes are numbers").isTrue();
    }

    @Test
    void namesAreUniquePerProjectAndMustAvoidForbiddenCharacters() throws Exception {
        share("dup", 1 << 20);

        assertThat(array.call("createShare", "pool-a", "csi-file", "dup", Map.of(), List.of()).code())
                .isEqualTo("EZEBI_RESOURCE_EXIST");
        array.ok("createVolume", volume("lun", 1 << 20, true), false);
        assertThat(array.call("createShare", "pool-a", "csi-block", "lun", Map.of(), List.of()).code())
                .as("shares and volumes share the project's namespace").isEqualTo("EZEBI_RESOURCE_EXIST");
        for (String bad : List.of("a b", "a/b", "a@b", "a:b", "")) {
            assertThat(array.call("createShare", "pool-a", "csi-file", bad, Map.of(), List.of()).code()).as(bad)
                    .isEqualTo("EZEBI_INVALID_ARGUMENT");
        }
    }

    @Test
    void aShareIsARealDirectoryUnderItsDefaultExportPath() throws Exception {
        share("data", 1 << 20);

        JsonNode s = array.ok("getShare", PROJECT + "/data");
        assertThat(s.path("mountPoint").asText()).isEqualTo("/export/csi-file/data");
        assertThat(s.path("cifsDisplayName").asText()).isEqualTo("csi-file_data");
        assertThat(Files.isDirectory(sim.model().data.of(PROJECT + "/data"))).isTrue();
    }

    @Test
    void snapshotNamesGetTheirPrefixAndClonesKeepTheSnapshotAndSourceAlive() throws Exception {
        share("src", 1 << 20);
        Files.writeString(sim.model().data.of(PROJECT + "/src").resolve("f"), "then");
        var src = Map.of("poolName", "pool-a", "projectName", "csi-file", "name", "src", "datasetPath", PROJECT);
        assertThat(array.call("createShareSnapshot", src, "s1", false).body()).as("void answers are empty").isEmpty();
        Files.writeString(sim.model().data.of(PROJECT + "/src").resolve("f"), "now");

        assertThat(array.ok("listSnapshots", PROJECT + "/src", ".*")).extracting(JsonNode::asText)
                .containsExactly("Manual-S-s1");
        assertThat(array.ok("getShareSnapshotCreationStatus", PROJECT + "/src", "s1").has("snapshotProgressStatus"))
                .isTrue();
        array.ok("cloneShareSnapshot", PROJECT + "/src@Manual-S-s1", "clone", true);
        assertThat(Files.readString(sim.model().data.of(PROJECT + "/clone").resolve("f"))).isEqualTo("then");

        JsonNode refused = array.ok("deleteShareSnapshot", PROJECT + "/src@Manual-S-s1", false);
        assertThat(refused.path("failedToDeleteList")).hasSize(1);
        assertThat(array.call("deleteShare", PROJECT + "/src", false, true).code()).isEqualTo("EZEBI_RESOURCE_INUSE");

        array.ok("deleteShare", PROJECT + "/clone", false, true);
        assertThat(array.ok("deleteShareSnapshot", PROJECT + "/src@Manual-S-s1", false).path("deletedList")).hasSize(1);
        array.ok("deleteShare", PROJECT + "/src", false, true);
        assertThat(array.call("getShare", PROJECT + "/src").code()).isEqualTo("EZEBI_RESOURCE_NOT_FOUND");
        assertThat(array.call("deleteShare", PROJECT + "/src", false, false).status())
                .as("errorIfNotExist=false makes a delete idempotent").isEqualTo(200);
    }

    @Test
    void recursiveDeleteTakesTheClonesAlong() throws Exception {
        share("parent", 1 << 20);
        array.ok("createShareSnapshot", Map.of("poolName", "pool-a", "projectName", "csi-file", "name", "parent"), "s",
                false);
        array.ok("cloneShareSnapshot", PROJECT + "/parent@Manual-S-s", "child", false);

        array.ok("deleteShare", PROJECT + "/parent", true, true);

        assertThat(array.call("getShare", PROJECT + "/child").code()).isEqualTo("EZEBI_RESOURCE_NOT_FOUND");
    }

    @Test
    void togglingNfsSharingDropsTheAcls() throws Exception {
        share("acl", 1 << 20);
        array.ok("setNFSSharingOnShare", PROJECT + "/acl", true);
        array.ok("addNFSNetworkACLOnShare", PROJECT + "/acl", "IP", "10.0.0.5", "rw", true);
        assertThat(array.call("addNFSNetworkACLOnShare", PROJECT + "/acl", "IP", "10.0.0.5", "ro", false).code())
                .isEqualTo("EZEBI_RESOURCE_EXIST");
        assertThat(array.ok("getNFSNetworkACLsOnShare", PROJECT + "/acl")).hasSize(1);

        array.ok("setNFSSharingOnShare", PROJECT + "/acl", true);

        assertThat(array.ok("getNFSNetworkACLsOnShare", PROJECT + "/acl")).isEmpty();
        array.ok("setNFSSharingOnShare", PROJECT + "/acl", false);
        assertThat(array.ok("isShareExposedOverNFS", PROJECT + "/acl").asBoolean()).isFalse();
        assertThat(array.call("addNFSNetworkACLOnShare", PROJECT + "/acl", "IP", "10.0.0.6", "rw", false).code())
                .as("an unshared share takes no ACL entries").isEqualTo("EZEBI_OPERATION_NOT_ALLOWED");
    }

    @Test
    void volumeSizesMustFitTheBlockSizeAndThickOnesThePool() throws Exception {
        assertThat(array.call("createVolume", volume("odd", 1000, true), false).code())
                .isEqualTo("EZEBI_INVALID_NUMBER_VALUE_GENERAL");
        assertThat(array.call("createVolume", volume("huge", 2L << 40, false), false).code()).isEqualTo("EZEBI_NOSPACE");

        long before = array.ok("listPools").get(0).path("availableSize").asLong();
        array.ok("createVolume", volume("thick", String.valueOf(1L << 30), "false"), false);
        array.ok("createVolume", volume("thin", 1L << 30, true), false);

        assertThat(array.ok("listPools").get(0).path("availableSize").asLong()).isEqualTo(before - (1L << 30));
        assertThat(Files.size(sim.model().data.of(BLOCK + "/thin"))).isEqualTo(1L << 30);
        assertThat(array.ok("getVolume", BLOCK + "/thin").path("thinProvisioning").asBoolean()).isTrue();
        assertThat(array.ok("listVolumes", "pool-a", "csi-block", true).get(0).has("thinProvision")).isTrue();
        assertThat(array.call("modifyVolumeProperties", BLOCK + "/thin", Map.of("volSize", 1L << 29)).code())
                .as("volumes do not shrink").isEqualTo("EZEBI_OPERATION_NOT_ALLOWED");
    }

    @Test
    void volumesInheritTheProjectsViewsWithTheLowestFreeLun() throws Exception {
        array.ok("createVolume", volume("v0", 1 << 20, true), true);
        array.ok("createVolume", volume("v1", 1 << 20, true), true);
        array.ok("createVolume", volume("plain", 1 << 20, true), false);

        assertThat(array.ok("getVolumeITView", BLOCK + "/v0").get(0).path("lunNbr").asInt()).isZero();
        assertThat(array.ok("getVolumeITView", BLOCK + "/v1").get(0).path("lunNbr").asInt()).isEqualTo(1);
        assertThat(array.ok("getVolumeITView", BLOCK + "/plain")).isEmpty();
        array.ok("createMappingForVolume", BLOCK + "/plain", "csi-hg", "csi-tg", -1, false);
        assertThat(array.ok("getVolumeITView", BLOCK + "/plain").get(0).path("lunNbr").asInt()).isEqualTo(2);
        assertThat(array.call("createMappingForVolume", BLOCK + "/plain", "csi-hg", "csi-tg", -1, false).code())
                .isEqualTo("EZEBI_RESOURCE_EXIST");
    }

    @Test
    void withAFirstLunTheArrayChoosesNoLowerNumberButTakesOneAskedFor() throws Exception {
        sim.close();
        sim = IntelliFlashSimulator.start(SimulatorConfig.defaults(dir.resolve("data1")).withFirstLun(1));
        array = new ArrayCalls(sim, "admin", "secret");
        array.ok("createVolume", volume("v1", 1 << 20, true), true);
        array.ok("createVolume", volume("plain", 1 << 20, true), false);
        array.ok("createVolume", volume("zero", 1 << 20, true), false);

        assertThat(array.ok("getVolumeITView", BLOCK + "/v1").get(0).path("lunNbr").asInt()).isEqualTo(1);
        array.ok("createMappingForVolume", BLOCK + "/plain", "csi-hg", "csi-tg", -1, false);
        assertThat(array.ok("getVolumeITView", BLOCK + "/plain").get(0).path("lunNbr").asInt()).isEqualTo(2);
        array.ok("createMappingForVolume", BLOCK + "/zero", "csi-hg", "csi-tg", 0, false);
        assertThat(array.ok("getVolumeITView", BLOCK + "/zero").get(0).path("lunNbr").asInt()).isZero();
        assertThat(CommandLine.parse(new String[] {"--data", "d", "--first-lun", "1"}).config().firstLun())
                .isEqualTo(1);
    }

    @Test
    void creatingAnInitiatorThatExistsFailsAndMembershipIsExclusive() throws Exception {
        var node = Map.of("initiatorName", "iqn.2024-01.test:node1", "chapUserName", "", "chapSecret", "");
        array.ok("createIscsiInitiator", node);
        assertThat(array.call("createIscsiInitiator", node).code()).isEqualTo("EZEBI_RESOURCE_EXIST");

        array.ok("addInitiatorToInitiatorGroup", "iqn.2024-01.test:node1", "csi-hg");
        array.ok("createInitiatorGroup", "other");

        assertThat(array.call("addInitiatorToInitiatorGroup", "iqn.2024-01.test:node1", "other").code())
                .isEqualTo("EZEBI_OPERATION_NOT_ALLOWED");
        assertThat(array.ok("getInitiatorGroup", "iqn.2024-01.test:node1").asText()).isEqualTo("csi-hg");
        assertThat(array.ok("listTargetsInTargetGroup", "csi-tg")).extracting(JsonNode::asText)
                .containsExactly("iqn.2012-02.com.tegile:csi");
    }

    @Test
    void systemPropertiesComeInRequestOrder() throws Exception {
        JsonNode v = array.ok("listSystemProperties", List.of("ZEBI_API_VERSION", "ZEBI_APPLIANCE_VERSION"));

        assertThat(v).extracting(JsonNode::asText).containsExactly("2.2", "3.11.2.0");
    }
}
