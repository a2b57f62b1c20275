/** A client of the Hammerspace (Anvil) management REST API: session, tasks, typed calls, failure mapping. */
package io.csi4j.adapters.hammerspace.rest;
