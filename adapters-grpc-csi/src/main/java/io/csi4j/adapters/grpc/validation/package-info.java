/**
 * Request validation: every REQUIRED field, size limit and capability-bound argument of the Controller RPCs is
 * checked here, before a use case is called, and turned into domain values (parse, don't validate).
 */
package io.csi4j.adapters.grpc.validation;
