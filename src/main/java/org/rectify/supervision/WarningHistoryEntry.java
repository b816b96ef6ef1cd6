package org.rectify.supervision;

import java.time.OffsetDateTime;
import java.util.List;

public record WarningHistoryEntry(OffsetDateTime occurredAt, WarningLevel from, WarningLevel to,
                                  List<WarningReason> reasons) {
}
