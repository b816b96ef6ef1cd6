package org.rectify.closure;

/** How the acceptance unit verified: 现场核查 / 资料审核 / 第三方监测. */
public enum VerificationMethod {
    ON_SITE, DOCUMENTS, THIRD_PARTY
}
