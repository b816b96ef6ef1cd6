/**
 * The audit chain: every {@link org.rectify.platform.Audited} event, in the transaction of the command that
 * published it, appends one entry to a hash-chained log; a daily anchor records the chain head; a verifier
 * recomputes the chain and names the first altered, removed or inserted entry. A task's timeline and its record
 * (.docx) read the chain, asking plans, progress and supervision what the caller may see. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"platform", "access", "plans", "progress", "supervision"})
package org.rectify.audit;
