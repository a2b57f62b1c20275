package io.csi4j.ports.out.host;

import io.csi4j.domain.failure.Failure;
import io.vavr.control.Either;
import java.nio.file.Path;

/** Facts about block devices. */
public interface BlockDevices {

    /** The device's size in bytes; NotFound when {@code device} is not a block device. */
    Either<Failure, Long> size(Path device);

    /**
     * The device number ({@code major:minor}, as the mount table shows it) of the block device {@code device}
     * leads to (through symlinks); NotFound when it is not a block device.
     */
    Either<Failure, String> number(Path device);

    /** True when {@code path} is a block device node. */
    boolean isBlockDevice(Path path);
}
