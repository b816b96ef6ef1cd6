/**
 * The province generator ({@code java -jar rectify.jar generate}): a deterministic province of units, accounts,
 * plans, tasks, reports, warnings and notices for measuring the app at scale. It is a tool, not a feature: it writes
 * other modules' tables directly in bulk (PostgreSQL COPY through the generated schema's names), because going
 * through each module's commands would take hours. It depends only on {@code platform} and the schema.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Generator",
        allowedDependencies = {"platform", "access", "units", "plans", "progress", "supervision"})
package org.rectify.generator;
