package org.rectify.closure;

import java.time.LocalDate;

/** The acceptance unit's record (核查验收): when, who, how, what was found, and whether the task passes. */
public record NewVerification(LocalDate verifiedOn, String members, VerificationMethod method, String findings,
                              Boolean passed) {
}
