package io.gradsweep.worker.study;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a study's YAML into plain values (LinkedHashMap in file order, ArrayList, String, Long,
 * Double, Boolean, null) with the line of every key path. Safe by construction: Jackson drives
 * SnakeYAML's parser only (events, never its Constructor), so tags cannot instantiate classes; we
 * also refuse what a study never needs and could be abused: tags, aliases, several documents,
 * more than {@link #MAX_BYTES} of text, nesting deeper than {@link #MAX_DEPTH}.
 */
final class Yaml {
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 32;

    private static final YAMLFactory FACTORY = factory();

    /** The document's root value and the line (1-based) of each key path. */
    record Tree(Object root, Map<String, Integer> lines) {
    }

    private Yaml() {
    }

    private static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(MAX_BYTES + 1);
        options.setNestingDepthLimit(MAX_DEPTH + 8); // our own check below names the path first
        // duplicate keys are caught by Reader below, which can name the key path
        return YAMLFactory.builder().loaderOptions(options).disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    static Tree read(String text, String source) {
        // chars <= UTF-8 bytes, so the cheap test first; the exact one only for short texts
        if (text.length() > MAX_BYTES || text.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw StudyException.of(source, "", "the file is larger than 1 MiB (" + MAX_BYTES
                    + " bytes); a study file declares a grid, it does not list trials");
        }
        Reader reader = new Reader(source);
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw StudyException.of(source, "", "the file is empty; a study needs at least 'study: NAME'");
            }
            Object root = reader.value(parser, first, "", 0);
            if (parser.nextToken() != null) {
                throw reader.at(parser, "", "a study file holds one YAML document; found a second one ('---')");
            }
            return new Tree(root, reader.lines);
        } catch (JsonProcessingException e) {
            throw syntax(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
    }

    private static StudyException syntax(String source, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String problem = e.getOriginalMessage();
        if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m) {
            problem = m.getProblem() + (m.getContext() != null ? " (" + m.getContext()
                    + (m.getContextMark() != null ? " at line " + (m.getContextMark().getLine() + 1) + ", column "
                            + (m.getContextMark().getColumn() + 1) : "") + ")" : "");
        }
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return StudyException.of(source, "", where + "YAML syntax error: " + problem.strip().replace('\n', ' '));
    }

    /** Builds the values and remembers where each key path is. */
    private static final class Reader {
        final String source;
        final Map<String, Integer> lines = new HashMap<>();

        Reader(String source) {
            this.source = source;
        }

        Object value(JsonParser p, JsonToken t, String path, int depth) throws IOException {
            if (!path.isEmpty()) {
                lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
            }
            if (p instanceof YAMLParser y && !y.isCurrentAlias() && y.getTypeId() != null) {
                // ignored by this reader anyway, but a tag in a study file is a mistake or a probe
                // (!!java.lang.Runtime): say so rather than read the value as if it were plain
                throw at(p, path, "tags (" + shownTag(y.getTypeId()) + ") are not supported in study files;"
                        + " write the plain value");
            }
            switch (t) {
                case START_OBJECT -> {
                    checkDepth(p, path, depth + 1);
                    Map<String, Object> map = new LinkedHashMap<>();
                    for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                        String key = p.currentName();
                        String child = Problems.key(path, key);
                        if (map.containsKey(key)) {
                            throw at(p, child, "the key '" + key + "' is given twice");
                        }
                        lines.put(child, p.currentTokenLocation().getLineNr());
                        map.put(key, value(p, p.nextToken(), child, depth + 1));
                    }
                    return map;
                }
                case START_ARRAY -> {
                    checkDepth(p, path, depth + 1);
                    List<Object> list = new ArrayList<>();
                    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                        list.add(value(p, v, Problems.index(path, list.size()), depth + 1));
                    }
                    return list;
                }
                case VALUE_STRING -> {
                    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                        throw at(p, path, "aliases (*" + p.getText() + ") are not supported in study files;"
                                + " write the value out");
                    }
                    return p.getText();
                }
                case VALUE_NUMBER_INT -> {
                    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw at(p, path, p.getText() + " is too large for an integer");
                    }
                    return p.getLongValue();
                }
                case VALUE_NUMBER_FLOAT -> {
                    return p.getDoubleValue();
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return t == JsonToken.VALUE_TRUE;
                }
                case VALUE_NULL -> {
                    return null;
                }
                default -> throw at(p, path, "unsupported YAML value (" + t + "), e.g. !!binary data");
            }
        }

        private static String shownTag(String tag) {
            if (tag.startsWith("tag:yaml.org,2002:")) {
                return "!!" + tag.substring("tag:yaml.org,2002:".length());
            }
            return tag.startsWith("!") ? tag : "!<" + tag + ">";
        }

        private void checkDepth(JsonParser p, String path, int depth) {
            if (depth > MAX_DEPTH) {
                throw at(p, path, "nesting deeper than " + MAX_DEPTH + " levels; a study needs at most 5");
            }
        }

        StudyException at(JsonParser p, String path, String message) {
            JsonLocation l = p.currentTokenLocation();
            return new StudyException(source, List.of(new StudyException.Problem(path, 0,
                    "line " + l.getLineNr() + ", column " + l.getColumnNr() + ": " + message)));
        }
    }

    /** A value as the file wrote it, for messages: 'text', 12, 0.5, [a, b]. */
    static String show(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Double d) {
            return NumberText.of(d);
        }
        if (v instanceof List<?> l) {
            List<String> items = new ArrayList<>();
            for (Object o : l) {
                items.add(show(o));
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (v instanceof Map<?, ?> m) {
            List<String> items = new ArrayList<>();
            m.forEach((k, x) -> items.add(k + ": " + show(x)));
            return "{" + String.join(", ", items) + "}";
        }
        return String.valueOf(v);
    }

    /** What kind of value {@code v} is, for "expected a list, found a mapping". */
    static String kind(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof Long) {
            return "an integer";
        }
        if (v instanceof Double) {
            return "a number";
        }
        if (v instanceof Boolean) {
            return "true/false";
        }
        return "nothing (null)";
    }
}
