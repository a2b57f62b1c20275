/**
 * Outbound ports: what the core needs from the world (storage backends, and on nodes the host). Each port is a
 * narrow capability whose methods state their contract: idempotency, and what happens when the object is absent.
 */
package io.csi4j.ports.out;
