/**
 * Infrastructure shared by every module: the embedded database, the clock, error mapping,
 * languages and the page layout. Holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package org.rectify.platform;
