package io.csi4j.simulator.intelliflash.api;

/**
 * One REST method of the array: takes the positional arguments and returns the response value (a JSON-able
 * object, a bare integer COMMAND_STATUS, or {@link #VOID} for an empty body), or throws a {@link ZebiError}.
 */
@FunctionalInterface
public interface Method {

    /** The marker for void methods, answered with an empty body. */
    Object VOID = new Object();

    /** COMMAND_STATUS success. */
    Integer OK = 0;

    Object call(Args args);
}
