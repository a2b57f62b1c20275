package io.csi4j.adapters.intelliflash.rest;

import io.csi4j.domain.failure.Failure;
import java.util.Objects;

/**
 * Why a REST call failed: the array answered with an error code, refused the credentials, could not be reached,
 * failed TLS verification, or answered something unreadable. {@code outcomeUnknown} is true when the request may
 * have been carried out although no answer arrived (a write must then be reconciled by reading back).
 */
public record RestError(Kind kind, String code, String message, int httpStatus, boolean outcomeUnknown) {

    /** The broad reason. */
    public enum Kind {
        /** The array answered with an EZEBI error code. */
        ARRAY,
        /** 401/403: the credentials were refused. */
        AUTH,
        /** Connection refused, timed out, dropped, or a gateway error. */
        TRANSPORT,
        /** The array's certificate was not trusted or did not match its address. */
        TLS,
        /** A 200 answer that is not what the method returns. */
        PROTOCOL
    }

    public static final String NOT_FOUND = "EZEBI_RESOURCE_NOT_FOUND";
    public static final String EXISTS = "EZEBI_RESOURCE_EXIST";

    public RestError {
        Objects.requireNonNull(kind, "'kind' must not be null");
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }

    public boolean is(String ezebiCode) {
        return kind == Kind.ARRAY && code.equals(ezebiCode);
    }

    public boolean notFound() {
        return is(NOT_FOUND);
    }

    public boolean exists() {
        return is(EXISTS);
    }

    /** The domain failure for this error, with {@code context} (what was being done) in front of the message. */
    public Failure toFailure(String context) {
        String text = context + ": " + describe();
        return switch (kind) {
            case AUTH -> new Failure.Unauthenticated(text);
            case TLS -> new Failure.Unauthenticated(text);
            case TRANSPORT -> new Failure.Unavailable(text);
            case PROTOCOL -> new Failure.Defect(text);
            case ARRAY -> arrayFailure(text);
        };
    }

    private Failure arrayFailure(String text) {
        if (code.equals(NOT_FOUND)) {
            return new Failure.NotFound(text);
        }
        if (code.equals(EXISTS)) {
            return new Failure.AlreadyExists(text);
        }
        if (code.equals("EZEBI_NOSPACE")) {
            return new Failure.CapacityExhausted(text);
        }
        if (code.equals("EZEBI_PERMISSION_DENIED")) {
            return new Failure.PermissionDenied(text);
        }
        if (code.startsWith("EZEBI_INVALID")) {
            return new Failure.InvalidArgument(text);
        }
        if (code.equals("EZEBI_RESOURCE_BUSY") || code.equals("EZEBI_RESOURCE_INUSE")
                || code.equals("EZEBI_OPERATION_NOT_ALLOWED")) {
            return new Failure.FailedPrecondition(text);
        }
        // EZEBI_GENERAL, timeouts, interrupted requests: nothing says a retry cannot succeed.
        return new Failure.Unavailable(text);
    }

    public String describe() {
        return switch (kind) {
            case ARRAY -> code + ": " + message;
            case AUTH -> "the array refused the credentials (HTTP " + httpStatus + ")";
            default -> message;
        };
    }
}
