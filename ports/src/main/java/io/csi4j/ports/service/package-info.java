/**
 * The use cases: implementations of the inbound ports in terms of the outbound ports. Here live the CSI rules
 * that do not depend on any backend — idempotency by name, the in-flight guard, capability computation,
 * routing of ids, content-source and topology checks.
 */
package io.csi4j.ports.service;
