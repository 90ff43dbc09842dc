package org.tonkla.recordbook;

/**
 * Something a unit should act on for a child: a nutrition problem, a suspected delay, a screening
 * or vaccine due. {@code key} is a message-bundle key; {@code detail} is shown after it, if any.
 */
public record Need(String key, String detail) {}
