/** Who the plugin is and how healthy it feels. */
package io.csi4j.domain.health;
