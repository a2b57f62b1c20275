package io.csi4j.adapters.grpc.logging;

import static io.csi4j.adapters.grpc.fakes.Samples.block;
import static io.csi4j.adapters.grpc.fakes.Samples.mount;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.UnknownFieldSet;
import io.csi4j.csi.v1.Csi;
import io.csi4j.csi.v1.CreateVolumeRequest;
import io.csi4j.csi.v1.NodeStageVolumeRequest;
import io.csi4j.csi.v1.VolumeCapability.AccessMode.Mode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactingPrinterTest {

    private static final List<String> SENSITIVE = List.of("hunter2", "chap-password", "s3cr3t-key", "username",
            "password", "uid=1000", "sec=krb5", "nolock-secret");

    @Test
    void aCreateVolumeRequestPrintsWithoutSecretsOrMountFlags() {
        var request = CreateVolumeRequest.newBuilder()
                .setName("pvc-1")
                .addVolumeCapabilities(mount("nfs", Mode.MULTI_NODE_MULTI_WRITER, "uid=1000", "sec=krb5"))
                .addVolumeCapabilities(block(Mode.SINGLE_NODE_WRITER))
                .addVolumeCapabilities(mount("ext4", Mode.SINGLE_NODE_WRITER, "nolock-secret"))
                .putParameters("tier", "gold")
                .putSecrets("username", "hunter2")
                .putSecrets("password", "chap-password")
                .build();

        String printed = RedactingPrinter.print(request);

        assertThat(printed).contains("name=\"pvc-1\"", "\"tier\"=\"gold\"", "fs_type=\"nfs\"",
                "MULTI_NODE_MULTI_WRITER",
                "secrets=<redacted 2 values>", "mount_flags=<redacted 2 values>", "mount_flags=<redacted 1 value>");
        SENSITIVE.forEach(s -> assertThat(printed).doesNotContain(s));
    }

    @Test
    void aNodeStageRequestPrintsWithoutSecretsOrMountFlags() {
        var request = NodeStageVolumeRequest.newBuilder()
                .setVolumeId("local:vol-1")
                .setStagingTargetPath("/var/lib/kubelet/plugins/staging")
                .setVolumeCapability(mount("cifs", Mode.SINGLE_NODE_WRITER, "uid=1000", "sec=krb5"))
                .putSecrets("username", "hunter2")
                .putSecrets("s3cr3t-key", "chap-password")
                .putPublishContext("lun", "3")
                .putVolumeContext("csi4j.io/data", "smb")
                .build();

        String printed = RedactingPrinter.print(request);

        assertThat(printed).contains("volume_id=\"local:vol-1\"", "\"lun\"=\"3\"", "\"csi4j.io/data\"=\"smb\"");
        SENSITIVE.forEach(s -> assertThat(printed).doesNotContain(s));
    }

    @Test
    void everySecretsFieldOfTheCsiProtocolIsSensitive() {
        List<FieldDescriptor> secretFields = Csi.getDescriptor().getMessageTypes().stream()
                .flatMap(m -> m.getFields().stream())
                .filter(f -> f.getName().equals("secrets"))
                .toList();

        // CSI §1.7: 19 request messages carry secrets (controller, node, group snapshot and metadata RPCs).
        assertThat(secretFields).hasSize(19).allSatisfy(f -> assertThat(RedactingPrinter.isSensitive(f))
                .as(f.getFullName()).isTrue());
        assertThat(RedactingPrinter.isSensitive(CreateVolumeRequest.getDescriptor().findFieldByName("parameters")))
                .isFalse();
    }

    @Test
    void noRequestOfTheProtocolPrintsItsSecrets() {
        Csi.getDescriptor().getMessageTypes().stream()
                .filter(m -> m.findFieldByName("secrets") != null)
                .forEach(type -> {
                    FieldDescriptor secrets = type.findFieldByName("secrets");
                    var entry = DynamicMessage.newBuilder(secrets.getMessageType())
                            .setField(secrets.getMessageType().findFieldByName("key"), "password")
                            .setField(secrets.getMessageType().findFieldByName("value"), "hunter2")
                            .build();
                    var message = DynamicMessage.newBuilder(type).addRepeatedField(secrets, entry).build();

                    assertThat(RedactingPrinter.print(message)).as(type.getName())
                            .doesNotContain("hunter2").doesNotContain("password");
                });
    }

    @Test
    void secretFieldsAreRedactedInsideMapValuesAndRepeatedNestedMessages() throws Exception {
        Descriptor outer = nestedSecretsDescriptor();
        Descriptor inner = outer.getFile().findMessageTypeByName("Inner");
        FieldDescriptor token = inner.findFieldByName("token");
        FieldDescriptor label = inner.findFieldByName("label");
        var innerMessage = DynamicMessage.newBuilder(inner).setField(token, "hunter2").setField(label, "visible")
                .build();
        FieldDescriptor byName = outer.findFieldByName("by_name");
        var entry = DynamicMessage.newBuilder(byName.getMessageType())
                .setField(byName.getMessageType().findFieldByName("key"), "first")
                .setField(byName.getMessageType().findFieldByName("value"), innerMessage)
                .build();
        var message = DynamicMessage.newBuilder(outer)
                .addRepeatedField(byName, entry)
                .addRepeatedField(outer.findFieldByName("list"), innerMessage)
                .build();

        String printed = RedactingPrinter.print(message);

        assertThat(printed).contains("\"first\"=", "label=\"visible\"", "token=<redacted 1 value>")
                .doesNotContain("hunter2");
    }

    @Test
    void aSecretMarkThatWasParsedAsAnUnknownOptionIsStillHonoured() throws Exception {
        // What a descriptor loaded without our extension registry looks like (e.g. from a descriptor set file).
        var options = FieldOptions.newBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
                .addField(Csi.CSI_SECRET_FIELD_NUMBER, UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                .build());
        var type = DescriptorProto.newBuilder().setName("Legacy")
                .addField(FieldDescriptorProto.newBuilder().setName("password").setNumber(1)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING).setOptions(options));
        var file = FileDescriptorProto.newBuilder().setName("legacy.proto").setPackage("legacy").setSyntax("proto3")
                .addMessageType(type).build();
        Descriptor legacy = FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Legacy");
        FieldDescriptor password = legacy.findFieldByName("password");
        assertThat(password.getOptions().hasExtension(Csi.csiSecret)).as("precondition: not parsed").isFalse();

        String printed = RedactingPrinter.print(
                DynamicMessage.newBuilder(legacy).setField(password, "hunter2").build());

        assertThat(printed).isEqualTo("{password=<redacted 1 value>}");
    }

    @Test
    void unknownFieldsAreNeverPrinted() {
        var request = CreateVolumeRequest.newBuilder().setName("pvc-1")
                .setUnknownFields(UnknownFieldSet.newBuilder().addField(77, UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(com.google.protobuf.ByteString.copyFromUtf8("hunter2")).build()).build())
                .build();

        assertThat(RedactingPrinter.print(request)).isEqualTo("{name=\"pvc-1\"}");
    }

    @Test
    void longStringsAreCutAndControlCharactersEscaped() {
        String printed = RedactingPrinter.print(
                CreateVolumeRequest.newBuilder().setName("a\u0000b\"" + "x".repeat(10_000)).build());

        assertThat(printed).startsWith("{name=\"a\\u0000b\\\"").contains("...(10004 chars)");
        assertThat(printed.length()).isLessThan(RedactingPrinter.MAX_STRING_CHARS + 50);
    }

    @Test
    void theRenamedMutableParametersFieldPrintsUnderItsWireName() {
        String printed = RedactingPrinter.print(CreateVolumeRequest.newBuilder().putMutableParametersV2("iops", "9")
                .build());

        assertThat(printed).isEqualTo("{mutable_parameters={\"iops\"=\"9\"}}");
    }

    @Test
    void theOutputIsBoundedForHugeRequests() {
        var request = CreateVolumeRequest.newBuilder();
        for (int i = 0; i < 2000; i++) {
            request.putParameters("key-" + i, "value-" + i);
        }

        assertThat(RedactingPrinter.print(request.build()).length())
                .isLessThanOrEqualTo(RedactingPrinter.MAX_OUTPUT_CHARS + "...(truncated)".length());
    }

    /** message Inner { string token = 1 [(csi_secret) = true]; string label = 2; } and an Outer holding them. */
    private static Descriptor nestedSecretsDescriptor() throws Exception {
        var inner = DescriptorProto.newBuilder().setName("Inner")
                .addField(FieldDescriptorProto.newBuilder().setName("token").setNumber(1)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING)
                        .setOptions(FieldOptions.newBuilder().setExtension(Csi.csiSecret, true)))
                .addField(FieldDescriptorProto.newBuilder().setName("label").setNumber(2)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING));
        var mapEntry = DescriptorProto.newBuilder().setName("ByNameEntry")
                .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                .addField(FieldDescriptorProto.newBuilder().setName("key").setNumber(1)
                        .setType(FieldDescriptorProto.Type.TYPE_STRING))
                .addField(FieldDescriptorProto.newBuilder().setName("value").setNumber(2)
                        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".redaction.test.Inner"));
        var outer = DescriptorProto.newBuilder().setName("Outer")
                .addNestedType(mapEntry)
                .addField(FieldDescriptorProto.newBuilder().setName("by_name").setNumber(1)
                        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                        .setTypeName(".redaction.test.Outer.ByNameEntry"))
                .addField(FieldDescriptorProto.newBuilder().setName("list").setNumber(2)
                        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED)
                        .setType(FieldDescriptorProto.Type.TYPE_MESSAGE).setTypeName(".redaction.test.Inner"));
        var file = FileDescriptorProto.newBuilder().setName("redaction_test.proto").setPackage("redaction.test")
                .setSyntax("proto3").addDependency(Csi.getDescriptor().getName())
                .addMessageType(inner).addMessageType(outer).build();
        return FileDescriptor.buildFrom(file, new FileDescriptor[] {Csi.getDescriptor()})
                .findMessageTypeByName("Outer");
    }
}
