/** The capabilities a deployment advertises to the CO. */
package io.csi4j.domain.capability;
