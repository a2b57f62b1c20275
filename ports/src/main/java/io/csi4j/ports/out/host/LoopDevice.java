package io.csi4j.ports.out.host;

import java.nio.file.Path;
import java.util.Objects;

/** A loop device and the file behind it. */
public record LoopDevice(Path device, Path backingFile) {

    public LoopDevice {
        Objects.requireNonNull(device, "'device' must not be null");
        Objects.requireNonNull(backingFile, "'backingFile' must not be null");
    }
}
