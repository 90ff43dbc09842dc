package org.tonkla.assessment;

/** A stored evidence file or photo on its way to the browser. */
public record FileContent(byte[] bytes, String contentType, String fileName) {}
