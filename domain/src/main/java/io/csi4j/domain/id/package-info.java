/** Identifiers and names, each with one parser that enforces the CSI limits. */
package io.csi4j.domain.id;
