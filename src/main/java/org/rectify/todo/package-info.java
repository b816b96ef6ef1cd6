/**
 * To-do (待办): what waits on the signed-in user, gathered from the other modules' APIs, one source per kind of
 * item; the landing page after sign-in and the count in the header. Reads only; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "To-do",
        allowedDependencies = {"access", "plans", "progress", "supervision", "closure"})
package org.rectify.todo;
