package org.isotox.server;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/** A request body stream that reads through a wrapper of its own and leaves the container's stream its state. */
abstract class ForwardingInputStream extends ServletInputStream {

    protected final ServletInputStream raw;

    ForwardingInputStream(ServletInputStream raw) {
        this.raw = raw;
    }

    @Override
    public boolean isFinished() {
        return raw.isFinished();
    }

    @Override
    public boolean isReady() {
        return raw.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        raw.setReadListener(listener);
    }
}
