/**
 * The Hammerspace backend: volumes as shares, directories in a backing share, and file-backed filesystem and
 * block volumes (sparse files in a backing share attached through loop devices on the node), with share and file
 * snapshots, restores and clones that copy data, and online expansion. {@code rest} holds the API client.
 */
package io.csi4j.adapters.hammerspace;
