/** Generated classes of the views supervision publishes; part of its named interface "api" (see the package above). */
@org.springframework.modulith.NamedInterface("api")
package org.rectify.supervision.api.tables.records;
