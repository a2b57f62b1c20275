package io.csi4j.simulator.intelliflash.api;

import java.io.Serial;

/**
 * An error the array answers with: an {@code EZEBI_*} code and a message, sent as a non-200 response with the
 * body {@code {"code", "message", "details", "extendedData": {"EX_CAUSE_MESSAGE"}}}.
 */
public final class ZebiError extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String code;

    public ZebiError(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ZebiError notFound(String what) {
        return new ZebiError("EZEBI_RESOURCE_NOT_FOUND", what + " does not exist");
    }

    public static ZebiError exists(String what) {
        return new ZebiError("EZEBI_RESOURCE_EXIST", what + " already exists");
    }

    public static ZebiError invalid(String message) {
        return new ZebiError("EZEBI_INVALID_ARGUMENT", message);
    }

    public static ZebiError inUse(String message) {
        return new ZebiError("EZEBI_RESOURCE_INUSE", message);
    }

    public static ZebiError busy(String message) {
        return new ZebiError("EZEBI_RESOURCE_BUSY", message);
    }

    public static ZebiError noSpace(String message) {
        return new ZebiError("EZEBI_NOSPACE", message);
    }

    public static ZebiError notAllowed(String message) {
        return new ZebiError("EZEBI_OPERATION_NOT_ALLOWED", message);
    }
}
