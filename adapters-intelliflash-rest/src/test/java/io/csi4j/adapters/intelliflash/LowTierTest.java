package io.csi4j.adapters.intelliflash;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.adapters.intelliflash.core.ArrayBackend;
import io.csi4j.adapters.intelliflash.lowtier.ParentShares;
import io.csi4j.adapters.intelliflash.rest.Credentials;
import io.csi4j.adapters.intelliflash.rest.TlsSettings;
import io.csi4j.domain.datapath.DataPath;
import io.csi4j.domain.datapath.DataPathCodec;
import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.id.BackendName;
import io.csi4j.domain.id.SnapshotName;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.Secrets;
import io.csi4j.domain.volume.Volume;
import io.vavr.control.Either;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The low tier: folders in a pre-made parent share, made and removed without REST calls. */
class LowTierTest {

    @TempDir
    Path dir;

    SimulatedArray array;
    ArrayBackend backend;
    Path parent;
    final List<String> mounted = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        array = SimulatedArray.start(dir);
        parent = Files.createDirectories(dir.resolve("parentfs"));
        ParentShares local = new ParentShares() {
            @Override
            public <T> Either<Failure, T> withShare(String server, String export, List<String> options,
                    Function<Path, Either<Failure, T>> work) {
                mounted.add(server + ":" + export);
                return work.apply(parent);
            }
        };
        ArrayConfig a = new ArrayConfig("array1", URI.create(array.simulator.restIp()), new Credentials("admin", "secret"),
                "csi-file", "10.9.9.9", Optional.empty(), "nfs", List.of("nolock", "vers=3"),
                Optional.of("/export/csi-file/parentfs"), false, Optional.empty(), Optional.empty(), Optional.empty(), 3260,
                new TlsSettings(true, Optional.of(array.caFile)));
        backend = SimulatedArray.open(new IntelliFlashConfig(new BackendName("intelliflash"), Flavour.FILE, List.of(a),
                Chap.NONE, SimulatedArray.SMALL, SimulatedArray.fastRest()), Optional.of(local));
    }

    @AfterEach
    void stop() {
        backend.close();
        array.close();
    }

    @Test
    void aLowTierVolumeIsAFolderOfTheParentShareMadeWithoutRestCalls() {
        array.simulator.faults().resetCalls();

        Volume v = backend.create(Requests.spec("pvc-low", Map.of("lowTierVolume", "true"))).get();

        assertThat(array.simulator.faults().calls()).isEmpty();
        assertThat(v.id().value()).isEqualTo("array1:/export/csi-file/parentfs/pvc-low");
        assertThat(v.dataPath()).isEqualTo(new DataPath.NfsExport("10.9.9.9", "/export/csi-file/parentfs/pvc-low",
                List.of("nolock", "vers=3")));
        assertThat(Files.isDirectory(parent.resolve("pvc-low"))).isTrue();
        assertThat(mounted).containsOnly("10.9.9.9:/export/csi-file/parentfs");
        assertThat(backend.get(backend.recogniseForeignId(v.id().value()).orElseThrow()).get()).isEqualTo(v);
        assertThat(DataPathCodec.decode(backend.publishing().orElseThrow().publish(v.id(), Requests.node("n", "10.0.0.1"),
                Requests.RWX, false, Secrets.NONE).get()).get()).contains(v.dataPath());
    }

    @Test
    void deletingRemovesTheFolderAndSnapshotsAreRefused() throws Exception {
        Volume v = backend.create(Requests.spec("pvc-gone", Map.of("lowTierVolume", "true"))).get();
        Files.writeString(parent.resolve("pvc-gone").resolve("data"), "x");

        assertThat(backend.snapshots().orElseThrow().create(new SnapshotName("s"), v.id(), Parameters.EMPTY, Secrets.NONE)
                .getLeft()).isInstanceOf(Failure.InvalidArgument.class);
        assertThat(backend.delete(v.id(), Secrets.NONE).isRight()).isTrue();
        assertThat(backend.delete(v.id(), Secrets.NONE).isRight()).isTrue();

        assertThat(parent.resolve("pvc-gone")).doesNotExist();
        assertThat(backend.get(v.id()).getLeft()).isInstanceOf(Failure.NotFound.class);
    }
}
