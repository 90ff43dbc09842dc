package org.tonkla.core.growth;

/**
 * How length or height was measured: lying down (recumbent length) or standing (standing height).
 *
 * <p>WHO standards use recumbent length before 731 days and standing height from 731 days on; a
 * measurement taken the other way is corrected by 0.7 cm (see {@link GrowthStandards}).
 *
 * @see <a href="https://www.who.int/tools/child-growth-standards">WHO Child Growth Standards (2006), Methods and
 *     development, chapter 3</a>
 */
public enum BodyPosition {
  /** Lying down: WHO anthro's {@code "l"}. */
  RECUMBENT('l'),
  /** Standing: WHO anthro's {@code "h"}. */
  STANDING('h');

  private final char code;

  BodyPosition(char code) {
    this.code = code;
  }

  /** The one-letter code used by WHO anthro's {@code measure} column: {@code l} or {@code h}. */
  public char code() {
    return code;
  }
}
