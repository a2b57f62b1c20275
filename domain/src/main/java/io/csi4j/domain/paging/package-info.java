/** Stable, token-based pagination for listings. */
package io.csi4j.domain.paging;
