package io.csi4j.ports.out;

/**
 * What a backend offers beyond the mandatory operations, as static facts.
 *
 * @param type the configuration type ({@code local}, {@code intelliflash-file}, ...), for logs and probes
 * @param cloning CreateVolume from another volume
 * @param topology volumes are reachable only from some nodes, so placement and topology matter
 * @param volumeCondition the backend can report a controller-side volume condition
 */
public record BackendFeatures(String type, boolean cloning, boolean topology, boolean volumeCondition) {}
