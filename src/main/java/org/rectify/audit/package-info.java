/**
 * The audit chain: every {@link org.rectify.platform.Audited} event, in the transaction of the command that
 * published it, appends one entry to a hash-chained log; a daily anchor records the chain head; a verifier
 * recomputes the chain and names the first altered, removed or inserted entry. Listens only; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"platform", "access"})
package org.rectify.audit;
