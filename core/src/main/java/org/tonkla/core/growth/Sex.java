package org.tonkla.core.growth;

/**
 * A child's sex as the WHO growth tables key it: {@code 1} for boys, {@code 2} for girls.
 *
 * @see <a href="https://github.com/WorldHealthOrganization/anthro">WHO anthro, {@code standardize_sex_var}</a>
 */
public enum Sex {
  MALE(1),
  FEMALE(2);

  private final int code;

  Sex(int code) {
    this.code = code;
  }

  /** The WHO code: 1 for male, 2 for female. */
  public int code() {
    return code;
  }

  /**
   * Reads the codes WHO anthro accepts: {@code 1}, {@code m}, {@code M} for boys and {@code 2}, {@code f},
   * {@code F} for girls, ignoring surrounding white space.
   *
   * @throws IllegalArgumentException for any other text, including an empty one
   */
  public static Sex parse(String text) {
    return switch (text.strip()) {
      case "1", "m", "M" -> MALE;
      case "2", "f", "F" -> FEMALE;
      default -> throw new IllegalArgumentException("sex must be 1/2 or m/f, was '" + text + "'");
    };
  }
}
