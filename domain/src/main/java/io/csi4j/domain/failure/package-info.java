/** Typed outcomes of operations that did not succeed. */
package io.csi4j.domain.failure;
