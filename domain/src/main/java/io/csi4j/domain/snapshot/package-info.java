/** Point-in-time images of volumes. */
package io.csi4j.domain.snapshot;
