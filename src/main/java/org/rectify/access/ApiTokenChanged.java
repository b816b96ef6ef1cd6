package org.rectify.access;

import org.rectify.platform.Audited;

/** An API token was created or revoked: recorded by the audit chain (the secret never leaves the request that made it). */
public record ApiTokenChanged(String actor, boolean created, long tokenId, long accountId, String name) implements Audited {

    @Override
    public String auditAction() {
        return created ? "api-token.created" : "api-token.revoked";
    }

    @Override
    public String auditObject() {
        return "api-token:" + tokenId;
    }
}
