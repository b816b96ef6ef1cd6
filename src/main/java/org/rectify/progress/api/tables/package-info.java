/** Generated classes of the views progress publishes; part of its named interface "api" (see the package above). */
@org.springframework.modulith.NamedInterface("api")
package org.rectify.progress.api.tables;
