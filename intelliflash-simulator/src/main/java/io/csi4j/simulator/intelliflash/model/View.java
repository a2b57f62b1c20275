package io.csi4j.simulator.intelliflash.model;

/** A SCSI view (ITView_V2_1): a LUN number under which a host group sees a volume through a target group. */
public record View(String hostGroupName, String targetGroupName, int lunNbr, boolean readOnly) {}
