package org.tonkla.platform;

/** A signed-in user switched the page language ({@code th} or {@code en}). */
public record LanguageChosen(String username, String language) {}
