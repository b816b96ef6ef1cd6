/**
 * Accounts, roles, login and the data scope: who the caller is, and which units' tasks they may see.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
        allowedDependencies = {"platform", "units", "units :: *"})
package org.rectify.access;
