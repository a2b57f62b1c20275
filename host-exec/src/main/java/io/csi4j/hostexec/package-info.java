/**
 * Running host tools safely, shared by the host adapters: argv only (never a shell string), stdin closed, the C
 * locale, bounded output capture, a time limit after which the whole process tree is killed, secrets masked in
 * every message, and programs found by absolute path. Adapters depend on this library; domain and ports never do.
 */
package io.csi4j.hostexec;
