package io.csi4j.adapters.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.csi4j.domain.failure.Failure;
import io.csi4j.domain.volume.AccessMode;
import io.csi4j.domain.volume.Parameters;
import io.csi4j.domain.volume.VolumeCapability;
import io.vavr.control.Either;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShapeRequestTest {

    private static final VolumeCapability MOUNT = VolumeCapability.mount("", AccessMode.SINGLE_NODE_WRITER);
    private static final VolumeCapability BLOCK = VolumeCapability.block(AccessMode.SINGLE_NODE_WRITER);

    private static Either<Failure, ShapeRequest> request(Map<String, String> params, VolumeCapability... caps) {
        return ShapeRequest.of(new Parameters(params), List.of(caps));
    }

    private static Shape fresh(Map<String, String> params, VolumeCapability... caps) {
        return request(params, caps).get().fresh("ext4");
    }

    private static String invalid(Map<String, String> params, VolumeCapability... caps) {
        Failure f = request(params, caps).getLeft();
        assertThat(f).isInstanceOf(Failure.InvalidArgument.class);
        return f.message();
    }

    @Test
    void withoutParametersAMountVolumeIsADirectory() {
        assertThat(fresh(Map.of(), MOUNT)).isEqualTo(Shape.directory());
    }

    @Test
    void blockAccessOrAFilesystemTypeMakeAnImage() {
        assertThat(fresh(Map.of(), BLOCK)).isEqualTo(Shape.image("ext4"));
        assertThat(fresh(Map.of(), VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER)))
                .isEqualTo(Shape.image("xfs"));
        assertThat(fresh(Map.of("fsType", "xfs"), MOUNT)).isEqualTo(Shape.image("xfs"));
        assertThat(fresh(Map.of("kind", "image"), MOUNT)).isEqualTo(Shape.image("ext4"));
    }

    @Test
    void theCapabilityFilesystemTypeWinsOverTheParameter() {
        assertThat(fresh(Map.of("fsType", "ext4"), VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER)))
                .isEqualTo(Shape.image("xfs"));
    }

    @ParameterizedTest
    @EnumSource(AccessMode.class)
    void everyAccessModeIsAcceptedForBothKinds(AccessMode mode) {
        assertThat(request(Map.of("kind", "directory"), VolumeCapability.mount("", mode)).isRight()).isTrue();
        assertThat(request(Map.of("kind", "image"), VolumeCapability.block(mode)).isRight()).isTrue();
    }

    @Test
    void unknownParametersAreNamedAndKubernetesOnesAreIgnored() {
        assertThat(invalid(Map.of("sizeLimit", "1"), MOUNT)).contains("'sizeLimit'");
        assertThat(request(Map.of("csi.storage.k8s.io/pvc/name", "claim"), MOUNT).isRight()).isTrue();
    }

    @Test
    void badValuesOfKindAndFsTypeAreInvalid() {
        assertThat(invalid(Map.of("kind", "file"), MOUNT)).contains("kind must be directory or image");
        assertThat(invalid(Map.of("fsType", "btrfs"), MOUNT)).contains("fsType must be ext4 or xfs");
        assertThat(invalid(Map.of(), VolumeCapability.mount("btrfs", AccessMode.SINGLE_NODE_WRITER)))
                .contains("'btrfs' is not supported");
    }

    @Test
    void aDirectoryCannotBeABlockDeviceOrHaveAFilesystemType() {
        assertThat(invalid(Map.of("kind", "directory"), BLOCK)).contains("block access");
        assertThat(invalid(Map.of("kind", "directory"), VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER)))
                .contains("filesystem type");
        assertThat(invalid(Map.of("kind", "directory", "fsType", "xfs"), MOUNT)).contains("filesystem type");
    }

    @Test
    void capabilitiesThatAskForDifferentFilesystemTypesAreInvalid() {
        assertThat(invalid(Map.of(), VolumeCapability.mount("ext4", AccessMode.SINGLE_NODE_WRITER),
                VolumeCapability.mount("xfs", AccessMode.MULTI_NODE_READER_ONLY))).contains("ext4, xfs");
    }

    @Test
    void aCopyTakesTheShapeOfItsSourceUnlessTheRequestContradictsIt() {
        Shape xfsImage = Shape.image("xfs");

        assertThat(request(Map.of(), MOUNT).get().from(xfsImage).get()).isEqualTo(xfsImage);
        assertThat(request(Map.of(), BLOCK).get().from(xfsImage).get()).isEqualTo(xfsImage);
        assertThat(request(Map.of("kind", "directory"), MOUNT).get().from(xfsImage).getLeft().message())
                .contains("source is an image volume");
        assertThat(request(Map.of("fsType", "ext4"), MOUNT).get().from(xfsImage).getLeft().message())
                .contains("holds xfs");
        assertThat(request(Map.of(), BLOCK).get().from(Shape.directory()).getLeft().message())
                .contains("source is a directory volume");
    }

    @Test
    void anImageServesMatchingFilesystemAndBlockAccessOnly() {
        Shape image = Shape.image("ext4");

        assertThat(image.serves(MOUNT).isRight()).isTrue();
        assertThat(image.serves(BLOCK).isRight()).isTrue();
        assertThat(image.serves(VolumeCapability.mount("xfs", AccessMode.SINGLE_NODE_WRITER)).isLeft()).isTrue();
        assertThat(Shape.directory().serves(BLOCK).isLeft()).isTrue();
    }
}
