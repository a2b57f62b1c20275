package io.csi4j.domain.datapath;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataPathCodecTest {

    @Test
    void everyKindRoundTrips() {
        List<DataPath> paths = List.of(
                new DataPath.LocalDirectory("/var/lib/csi4j/volumes/v1/data"),
                new DataPath.LocalImage("/var/lib/csi4j/volumes/v1/image"),
                new DataPath.NfsExport("10.0.0.1", "/export/p/s", List.of("vers=4.2", "hard")),
                new DataPath.SmbShare("10.0.0.1", "p_s", List.of()),
                new DataPath.IscsiLun(List.of("10.0.0.1:3260", "10.0.0.2:3260"), "iqn.2005-03.org:t1", 256, true),
                new DataPath.ImageOnNfs("10.0.0.1", "/backing", List.of("vers=3"), "vols/pvc-1.img"));
        for (DataPath p : paths) {
            var ctx = DataPathCodec.encode(p);
            assertThat(ctx.keySet()).allMatch(k -> k.startsWith(DataPathCodec.PREFIX));
            assertThat(DataPathCodec.decode(ctx).get()).contains(p);
        }
    }

    @Test
    void aContextWithoutOurKeysHasNoDataPath() {
        assertThat(DataPathCodec.decode(Map.of("dataIp", "10.0.0.1")).get()).isEmpty();
    }

    @Test
    void rejectsUnknownKindsMissingFieldsAndBadLuns() {
        assertThat(DataPathCodec.decode(Map.of(DataPathCodec.KIND_KEY, "ceph")).getLeft())
                .isInstanceOf(Failure.InvalidArgument.class);
        assertThat(DataPathCodec.decode(Map.of(DataPathCodec.KIND_KEY, "local-image")).getLeft().message())
                .contains("csi4j.io/path");
        var bad = new java.util.HashMap<>(DataPathCodec.encode(
                new DataPath.IscsiLun(List.of("h:3260"), "iqn.x", 1, false)));
        bad.put(DataPathCodec.PREFIX + "lun", "-3");
        assertThat(DataPathCodec.decode(bad).isLeft()).isTrue();
    }
}
