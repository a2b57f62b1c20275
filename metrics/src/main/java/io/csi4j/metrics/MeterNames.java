package io.csi4j.metrics;

import java.util.List;

/**
 * The names and tags of csi4j's own meters, in Micrometer's dotted form; Prometheus shows them with underscores and
 * a unit suffix ({@code csi4j.rpc} becomes {@code csi4j_rpc_seconds_count}, {@code _sum}, {@code _bucket}, {@code
 * _max}). Tag values come from small fixed sets (RPC names, status codes, program names, endpoint templates), never
 * from volume ids or request values, so the number of series stays bounded.
 */
public final class MeterNames {

    /** Timer: one CSI call, by service, method and final gRPC status code. */
    public static final String RPC = "csi4j.rpc";
    /** Gauge: CSI calls being served right now. */
    public static final String RPC_ACTIVE = "csi4j.rpc.active";
    /** Gauge: volumes and snapshots an operation holds the in-flight guard for (CSI §1.3). */
    public static final String OPERATIONS_IN_FLIGHT = "csi4j.operations.inflight";
    /** Timer: one external program run on the host (mount, umount, losetup, mkfs.*, ...), by program and outcome. */
    public static final String HOST_COMMAND = "csi4j.host.command";
    /** Timer: one REST call to a storage array, by backend, method, endpoint template and HTTP status. */
    public static final String BACKEND_REST = "csi4j.backend.rest";

    public static final String TAG_SERVICE = "service";
    public static final String TAG_METHOD = "method";
    public static final String TAG_CODE = "code";
    public static final String TAG_PROGRAM = "program";
    public static final String TAG_OUTCOME = "outcome";
    public static final String TAG_BACKEND = "backend";
    public static final String TAG_ENDPOINT = "endpoint";
    public static final String TAG_STATUS = "status";

    /** Every meter above, for the documentation check. */
    public static final List<String> ALL = List.of(RPC, RPC_ACTIVE, OPERATIONS_IN_FLIGHT, HOST_COMMAND, BACKEND_REST);

    private MeterNames() {}
}
