/**
 * The unit tree (city → county → township; party committees, governments, departments, courts,
 * procuratorates, offices, leading groups), the other names units are written by, and unit groups.
 * Top-level types are the module's API; {@code internal} holds the rest.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Units",
        allowedDependencies = {"platform"})
package org.rectify.units;
