package io.csi4j.simulator.intelliflash.methods;

import io.csi4j.simulator.intelliflash.api.ZebiError;
import java.util.List;

/** The BlockSize enum: "4KB" to "128KB". */
final class BlockSizes {

    static final List<String> VALUES = List.of("4KB", "8KB", "16KB", "32KB", "64KB", "128KB");

    private BlockSizes() {}

    static String check(String value) {
        if (!VALUES.contains(value)) {
            throw new ZebiError("EZEBI_INVALID_BLOCK_SIZE_VALUE_GENERAL", "block size '" + value + "' is not one of "
                    + VALUES);
        }
        return value;
    }

    static long bytes(String value) {
        return Long.parseLong(value.substring(0, value.length() - 2)) * 1024;
    }
}
