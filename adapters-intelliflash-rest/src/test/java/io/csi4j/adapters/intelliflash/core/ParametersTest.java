package io.csi4j.adapters.intelliflash.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.intelliflash.Flavour;
import io.csi4j.adapters.intelliflash.array.SanRecords;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.Parameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The original StorageClass parameters, checked per flavour, and the nfsAccessList grammars. */
class ParametersTest {

    @Test
    void theOriginalFileParametersAreRead() {
        VolumeParams p = VolumeParams.parse(Flavour.FILE, new Parameters(Map.of("configName", "array1", "project",
                "csi-file", "dataIp", "10.0.0.9", "mountFsType", "cifs", "mountOptions", "vers=3.0, nobrl",
                "lowTierVolume", "true", "csi.storage.k8s.io/pvc/name", "claim"))).get();

        assertThat(p.configName()).contains("array1");
        assertThat(p.mountFsType()).contains("cifs");
        assertThat(p.mountOptions()).contains(List.of("vers=3.0", "nobrl"));
        assertThat(p.lowTier()).isTrue();
    }

    @Test
    void theOriginalBlockParametersAreRead() {
        VolumeParams p = VolumeParams.parse(Flavour.BLOCK, new Parameters(Map.of("target", "csi", "targetGroup", "tg",
                "iSCSIPort", "3261", "inheritProjectSettings", "false"))).get();

        assertThat(p.iscsiPort()).hasValue(3261);
        assertThat(p.inheritProjectSettings()).contains(false);
        assertThat(p.blockSize()).isEqualTo("32KB");
        assertThat(p.thin()).isTrue();
    }

    @Test
    void unknownKeysAndBadValuesAreInvalidArguments() {
        for (Map<String, String> bad : List.of(Map.of("mountFsType", "ext4"), Map.of("project", "a/b"),
                Map.of("lowTierVolume", "yes"), Map.of("target", "t"), Map.of("dataIp", "a b"))) {
            assertThat(VolumeParams.parse(Flavour.FILE, new Parameters(bad)).getLeft()).as(bad.toString())
                    .isInstanceOf(Failure.InvalidArgument.class);
        }
        assertThat(VolumeParams.parse(Flavour.BLOCK, new Parameters(Map.of("iSCSIPort", "70000"))).isLeft()).isTrue();
        assertThat(VolumeParams.parse(Flavour.BLOCK, new Parameters(Map.of("blockSize", "3KB"))).isLeft()).isTrue();
    }

    @Test
    void accessListsInBothGrammars() {
        List<SanRecords.NetAcl> acl = NfsAccessList.parse("rw:no_root_squash@10.204.86.116, ro@10.0.0.0/24, "
                + "ro:2.2.2.2, 3.3.3.3/10, @host.example.com").get();

        assertThat(acl).containsExactly(new SanRecords.NetAcl("IP", "10.204.86.116", "rw", true),
                new SanRecords.NetAcl("IP", "10.0.0.0/24", "ro", false), new SanRecords.NetAcl("IP", "2.2.2.2", "ro", false),
                new SanRecords.NetAcl("IP", "3.3.3.3/10", "rw", false),
                new SanRecords.NetAcl("FQDN", "host.example.com", "rw", false));
        assertThat(NfsAccessList.parse("rx@1.2.3.4").isLeft()).isTrue();
        assertThat(NfsAccessList.parse("1.2.3.4, rw@1.2.3.4").isLeft()).as("a host twice").isTrue();
    }
}
