package org.kizuna.picture.internal.distribution;

/**
 * A receiver of an audience's frames (a CoT connection, a browser stream). {@link #deliver} is called on
 * the picture's thread and must never block: implementations queue the frame, dropping the oldest when
 * the client is slow.
 */
public interface Subscriber {

    void deliver(Frame frame);
}
