/**
 * Command-line tools over the core rules. {@link org.tonkla.core.cli.ZScoreCommand} is {@code tonkla zscore}:
 * WHO z-scores for a CSV file in WHO anthro's format, streamed in parallel.
 */
package org.tonkla.core.cli;
