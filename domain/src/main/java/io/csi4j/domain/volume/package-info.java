/** Volumes and what a request can say about them: capacity, access, sources, parameters, secrets. */
package io.csi4j.domain.volume;
