/** Generated classes of the views plans publishes; part of its named interface "api" (see the package above). */
@org.springframework.modulith.NamedInterface("api")
package org.rectify.plans.api.tables.records;
