/**
 * The embedded demo: the 临沧市 2018 plan with its unit tree and one login per role. Loaded only into the
 * embedded database, never into a configured one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo",
        allowedDependencies = {"platform", "access", "units", "intake", "plans", "progress", "supervision", "closure"})
package org.rectify.demo;
