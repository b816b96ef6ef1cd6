/** Generated classes of the views units publishes; part of its named interface "api" (see the package above). */
@org.springframework.modulith.NamedInterface("api")
package org.rectify.units.api.tables;
