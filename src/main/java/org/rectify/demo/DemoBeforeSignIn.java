package org.rectify.demo;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the demo before the web server opens its port, so a demo login works the moment the login page answers
 * (as an application runner it loaded after: for about ten seconds every demo login failed). The runner's own call
 * afterwards finds the demo loaded and does nothing.
 */
@Component
class DemoBeforeSignIn implements SmartLifecycle {

    /** Well before the web server starts (Boot starts it in a phase near {@code Integer.MAX_VALUE}). */
    static final int PHASE = 0;

    private final ObjectProvider<DemoData> demo;
    private volatile boolean running;

    DemoBeforeSignIn(ObjectProvider<DemoData> demo) {
        this.demo = demo;
    }

    @Override
    public void start() {
        demo.ifAvailable(d -> d.run(null));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
