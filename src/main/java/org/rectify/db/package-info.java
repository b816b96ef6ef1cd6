/**
 * The database schema as jOOQ classes, generated from the Flyway migrations (target/generated-sources/jooq).
 * Open to every module: each module queries its own tables through it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        displayName = "Schema")
package org.rectify.db;
