/**
 * Protobuf to domain and back, one small mapper per shape. Mappers never copy request messages into responses,
 * so fields this plugin did not understand are never echoed.
 */
package io.csi4j.adapters.grpc.mapping;
