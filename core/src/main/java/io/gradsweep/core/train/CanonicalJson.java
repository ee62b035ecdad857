package io.gradsweep.core.train;

import java.util.List;
import java.util.Map;

/** A minimal JSON writer for settings maps (strings, integers, reals, lists); keys in map order. */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String write(Map<String, Object> map) {
        StringBuilder s = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            string(s, e.getKey());
            s.append(':');
            value(s, e.getValue());
        }
        return s.append('}').toString();
    }

    private static void value(StringBuilder s, Object v) {
        if (v instanceof String str) {
            string(s, str);
        } else if (v instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                value(s, list.get(i));
            }
            s.append(']');
        } else {
            s.append(v); // Long or finite Double: Java's forms are valid JSON numbers
        }
    }

    private static void string(StringBuilder s, String str) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }
}
