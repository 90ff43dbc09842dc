package org.tonkla.core.cli;

import java.util.Arrays;

/** A growable byte buffer that output rows are formatted into, without strings or charsets. */
final class ByteSink {

  byte[] bytes;
  int length;

  ByteSink(int capacity) {
    bytes = new byte[capacity];
  }

  /** A sink that writes over {@code reuse} from its start. */
  ByteSink(byte[] reuse) {
    bytes = reuse;
  }

  void ensure(int extra) {
    if (length + extra > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
    }
  }

  void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  void put(byte[] source, int from, int to) {
    int n = to - from;
    ensure(n);
    System.arraycopy(source, from, bytes, length, n);
    length += n;
  }

  void putAscii(String text) {
    ensure(text.length());
    for (int i = 0; i < text.length(); i++) {
      bytes[length++] = (byte) text.charAt(i);
    }
  }
}
